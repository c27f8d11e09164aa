using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;

namespace SpecGen;

/// <summary>
/// Gathers errors for generated <c>Validate()</c> methods. It allocates only when the first error
/// arrives, so a valid object validates without allocating; nested objects add their errors with
/// paths relative to themselves and the parent then prefixes them, again only when there are any.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ValidationErrorCollector
{
    private ValidationError[]? _errors;
    private int _count;

    /// <summary>How many errors have been added.</summary>
    public readonly int Count => _count;

    /// <summary>Adds an error at <paramref name="path"/>.</summary>
    public void Add(string path, string code, string message)
    {
        if (_errors is null || _count == _errors.Length)
        {
            Array.Resize(ref _errors, _errors is null ? 4 : _errors.Length * 2);
        }

        _errors[_count++] = new ValidationError(path, code, message);
    }

    /// <summary>Adds an error at item <paramref name="index"/> of the array <paramref name="property"/>.</summary>
    public void Add(string property, int index, string code, string message)
        => Add(property + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", code, message);

    /// <summary>Adds an error at entry <paramref name="key"/> of the map <paramref name="property"/>.</summary>
    public void Add(string property, string key, string code, string message)
        => Add(property + "." + key, code, message);

    /// <summary>Puts <paramref name="property"/> before the paths of the errors added since <paramref name="mark"/>.</summary>
    public void Prefix(int mark, string property) => PrefixFrom(mark, property);

    /// <summary>Puts <c>property[index]</c> before the paths of the errors added since <paramref name="mark"/>.</summary>
    public void Prefix(int mark, string property, int index)
    {
        if (Count > mark)
        {
            PrefixFrom(mark, property + "[" + index.ToString(CultureInfo.InvariantCulture) + "]");
        }
    }

    /// <summary>Puts <c>property.key</c> before the paths of the errors added since <paramref name="mark"/>.</summary>
    public void Prefix(int mark, string property, string key)
    {
        if (Count > mark)
        {
            PrefixFrom(mark, property + "." + key);
        }
    }

    /// <summary>Adds the errors of a nested object, under <paramref name="property"/>; a null result adds nothing.</summary>
    public void AddNested(string property, ValidationResult? nested)
    {
        if (nested is { IsValid: false })
        {
            IReadOnlyList<ValidationError> errors = nested.Errors;
            for (int i = 0; i < errors.Count; i++)
            {
                Add(Join(property, errors[i].Path), errors[i].Code, errors[i].Message);
            }
        }
    }

    /// <summary>Validates each item of the array <paramref name="property"/> and adds its errors under <c>property[index]</c>; null items are skipped.</summary>
    public void AddNested<T>(string property, List<T>? items, Func<T, ValidationResult> validate)
        where T : class
    {
        if (items is null)
        {
            return;
        }

        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item && validate(item) is { IsValid: false } nested)
            {
                AddNested(property + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", nested);
            }
        }
    }

    /// <summary>Validates each value of the map <paramref name="property"/> and adds its errors under <c>property.key</c>; null values are skipped.</summary>
    public void AddNested<T>(string property, Dictionary<string, T>? entries, Func<T, ValidationResult> validate)
        where T : class
    {
        if (entries is null)
        {
            return;
        }

        foreach (KeyValuePair<string, T> entry in entries)
        {
            if (entry.Value is { } value && validate(value) is { IsValid: false } nested)
            {
                AddNested(property + "." + entry.Key, nested);
            }
        }
    }

    /// <summary>The result: <see cref="ValidationResult.Success"/> when nothing was added.</summary>
    public readonly ValidationResult ToResult() => _errors is null ? ValidationResult.Success : new ValidationResult(_errors, _count);

    private readonly void PrefixFrom(int mark, string prefix)
    {
        for (int i = mark; i < Count; i++)
        {
            ValidationError error = _errors![i];
            _errors[i] = new ValidationError(Join(prefix, error.Path), error.Code, error.Message);
        }
    }

    private static string Join(string prefix, string path)
        => path.Length == 0 ? prefix : path[0] == '[' ? prefix + path : prefix + "." + path;
}

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace SpecGen;

/// <summary>
/// Gathers errors for generated <c>Validate()</c> methods. It allocates only when the first error
/// arrives, so a valid object validates without allocating; a nested object validates itself and its
/// errors, when there are any, come in under the property's path.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ValidationErrorCollector
{
    // The last error of each generated check, shared from call to call (see Shared).
    private static readonly ValidationError?[] SharedErrors = new ValidationError?[256];

    private ValidationError[]? _errors;
    private int _count;

    /// <summary>How many errors have been added.</summary>
    public readonly int Count => _count;

    /// <summary>Adds an error at <paramref name="path"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(string path, string code, string message)
    {
        ValidationError[]? errors = _errors;
        if (errors is null || _count == errors.Length)
        {
            errors = Grow();
        }

        errors[_count++] = Shared(path, code, message);
    }

    /// <summary>Adds an error at item <paramref name="index"/> of the array <paramref name="property"/>.</summary>
    public void Add(string property, int index, string code, string message)
        => AddFresh(new ValidationError(property + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", code, message));

    /// <summary>Adds an error at entry <paramref name="key"/> of the map <paramref name="property"/>.</summary>
    public void Add(string property, string key, string code, string message)
        => AddFresh(new ValidationError(property + "." + key, code, message));

    /// <summary>Adds the errors of a nested object, under <paramref name="property"/>; a null result adds nothing.</summary>
    public void AddNested(string property, ValidationResult? nested)
    {
        if (nested is { IsValid: false })
        {
            IReadOnlyList<ValidationError> errors = nested.Errors;
            for (int i = 0; i < errors.Count; i++)
            {
                AddFresh(new ValidationError(Join(property, errors[i].Path), errors[i].Code, errors[i].Message));
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

    // Generated checks pass constants, so the same error comes back each time a value breaks the
    // same rule: a small table keeps the last error of each message, and an invalid object then
    // costs one array of references, as a hand-written list of messages does. Errors are immutable
    // and their messages never hold a value, so sharing them shows nothing.
    private static ValidationError Shared(string path, string code, string message)
    {
        // A few loads, not a hash of the text: a slot shared by two errors only costs a new object.
        int slot = (message.Length == 0 ? path.Length : (message.Length * 31) + message[message.Length >> 1] + (path.Length * 7)) & (SharedErrors.Length - 1);
        ValidationError? error = SharedErrors[slot];
        if (error is null || !ReferenceEquals(error.Message, message) || !ReferenceEquals(error.Path, path) || !ReferenceEquals(error.Code, code))
        {
            error = new ValidationError(path, code, message);
            SharedErrors[slot] = error;
        }

        return error;
    }

    private void AddFresh(ValidationError error)
    {
        ValidationError[]? errors = _errors;
        if (errors is null || _count == errors.Length)
        {
            errors = Grow();
        }

        errors[_count++] = error;
    }

    private ValidationError[] Grow()
    {
        if (_errors is null)
        {
            // Most invalid objects break a few rules; four is the list's own first size.
            return _errors = new ValidationError[4];
        }

        Array.Resize(ref _errors, _errors.Length * 2);
        return _errors;
    }

    /// <summary>The result: <see cref="ValidationResult.Success"/> when nothing was added.</summary>
    public readonly ValidationResult ToResult() => _errors is null ? ValidationResult.Success : new ValidationResult(_errors, _count);

    private static string Join(string prefix, string path)
        => path.Length == 0 ? prefix : path[0] == '[' ? prefix + path : prefix + "." + path;
}

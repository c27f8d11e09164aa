using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace SpecGen;

/// <summary>The outcome of <c>Validate()</c> on a generated object.</summary>
public sealed class ValidationResult : IReadOnlyList<ValidationError>
{
    private readonly ValidationError[] _errors;
    private readonly int _count;

    /// <summary>Creates a result holding <paramref name="errors"/>.</summary>
    public ValidationResult(IReadOnlyList<ValidationError> errors)
    {
        _errors = (errors ?? throw new ArgumentNullException(nameof(errors))).ToArray();
        _count = _errors.Length;
    }

    // The collector hands over its array as it is: the result is the only one who keeps it.
    internal ValidationResult(ValidationError[] errors, int count)
    {
        _errors = errors;
        _count = count;
    }

    /// <summary>The result of an object with no errors.</summary>
    public static ValidationResult Success { get; } = new(Array.Empty<ValidationError>(), 0);

    /// <summary>True when the object keeps to its spec.</summary>
    public bool IsValid => _count == 0;

    /// <summary>Every error, in the order of the spec's fields.</summary>
    public IReadOnlyList<ValidationError> Errors => this;

    int IReadOnlyCollection<ValidationError>.Count => _count;

    ValidationError IReadOnlyList<ValidationError>.this[int index]
        => (uint)index < (uint)_count ? _errors[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc/>
    public override string ToString()
        => IsValid ? "Valid" : string.Join(Environment.NewLine, Errors.Select(e => e.ToString()));

    IEnumerator<ValidationError> IEnumerable<ValidationError>.GetEnumerator()
    {
        for (int i = 0; i < _count; i++)
        {
            yield return _errors[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<ValidationError>)this).GetEnumerator();
}

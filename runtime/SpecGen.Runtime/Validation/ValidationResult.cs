using System;
using System.Collections.Generic;
using System.Linq;

namespace SpecGen;

/// <summary>The outcome of <c>Validate()</c> on a generated object.</summary>
public sealed class ValidationResult
{
    /// <summary>The result of an object with no errors.</summary>
    public static ValidationResult Success { get; } = new(Array.Empty<ValidationError>());

    /// <summary>Creates a result holding <paramref name="errors"/>.</summary>
    public ValidationResult(IReadOnlyList<ValidationError> errors) => Errors = errors ?? throw new ArgumentNullException(nameof(errors));

    /// <summary>True when the object keeps to its spec.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Every error, in the order of the spec's fields.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <inheritdoc/>
    public override string ToString()
        => IsValid ? "Valid" : string.Join(Environment.NewLine, Errors.Select(e => e.ToString()));
}

using System;
using System.Linq;

namespace SpecGen;

/// <summary>The answer was read but breaks its spec, such as a missing mandatory field.</summary>
public sealed class SpecResponseValidationException : SpecResponseException
{
    /// <summary>Creates the exception.</summary>
    public SpecResponseValidationException(string interfaceName, int httpStatus, ValidationResult validation)
        : base(interfaceName, httpStatus, "the answer breaks its spec: " + Describe(validation))
    {
        Validation = validation;
    }

    /// <summary>What is wrong with the answer, every error of it; the message holds the first 512 characters.</summary>
    public ValidationResult Validation { get; }

    // The paths hold the server's map keys, and a hostile answer can hold thousands of errors.
    private static string Describe(ValidationResult validation)
        => SpecServerText.Clean(string.Join(" ", (validation ?? throw new ArgumentNullException(nameof(validation))).Errors.Select(e => e.ToString())));
}

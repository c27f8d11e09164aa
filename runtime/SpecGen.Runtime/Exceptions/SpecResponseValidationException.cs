namespace SpecGen;

/// <summary>The answer was read but breaks its spec, such as a missing mandatory field.</summary>
public sealed class SpecResponseValidationException : SpecResponseException
{
    /// <summary>Creates the exception.</summary>
    public SpecResponseValidationException(string interfaceName, int httpStatus, ValidationResult validation)
        : base(interfaceName, httpStatus, "the answer breaks its spec: " + validation.ToString().Replace("\n", " ").Replace("\r", string.Empty))
    {
        Validation = validation;
    }

    /// <summary>What is wrong with the answer.</summary>
    public ValidationResult Validation { get; }
}

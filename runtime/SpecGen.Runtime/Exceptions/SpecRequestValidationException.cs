namespace SpecGen;

/// <summary>The request breaks its spec; it was not sent.</summary>
public sealed class SpecRequestValidationException : SpecGenException
{
    /// <summary>Creates the exception.</summary>
    public SpecRequestValidationException(string interfaceName, ValidationResult validation)
        : base(interfaceName, "the request breaks its spec and was not sent: " + validation.ToString().Replace("\n", " ").Replace("\r", string.Empty))
    {
        Validation = validation;
    }

    /// <summary>What is wrong with the request.</summary>
    public ValidationResult Validation { get; }
}

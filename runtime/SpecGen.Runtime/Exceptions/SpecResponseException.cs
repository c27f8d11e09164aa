using System;

namespace SpecGen;

/// <summary>The base of the errors about what the server answered.</summary>
public abstract class SpecResponseException : SpecGenException
{
    /// <summary>Creates the exception.</summary>
    protected SpecResponseException(string interfaceName, int? httpStatus, string message, Exception? innerException = null)
        : base(interfaceName, httpStatus is null ? message : $"HTTP {httpStatus}: {message}", innerException)
    {
        HttpStatus = httpStatus;
    }

    /// <summary>The HTTP status code of the answer, when there was one.</summary>
    public int? HttpStatus { get; }
}

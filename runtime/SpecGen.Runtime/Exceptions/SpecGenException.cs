using System;

namespace SpecGen;

/// <summary>
/// The base of every error a generated client throws. Messages name the interface and never
/// contain request values, so secrets do not leak into logs.
/// </summary>
public abstract class SpecGenException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected SpecGenException(string interfaceName, string message, Exception? innerException = null)
        : base($"{interfaceName}: {message}", innerException)
    {
        InterfaceName = interfaceName;
    }

    /// <summary>The interface that was called, as the spec names it.</summary>
    public string InterfaceName { get; }
}

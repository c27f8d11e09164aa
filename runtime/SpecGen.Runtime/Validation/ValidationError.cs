using System;

namespace SpecGen;

/// <summary>One way in which an object breaks its spec.</summary>
/// <remarks>
/// A value type: an invalid object's errors are one array, not an object each, so that
/// <c>Validate()</c> on bad input allocates about what hand-written checks do.
/// </remarks>
public readonly struct ValidationError : IEquatable<ValidationError>
{
    /// <summary>Creates an error.</summary>
    /// <param name="path">The JSON path of the value, such as <c>transferRecordList[0].opResult</c>; empty for the object itself.</param>
    /// <param name="code">The rule that failed: <c>mandatory</c>, <c>values</c>, <c>format</c>, <c>pattern</c>, ...</param>
    /// <param name="message">What is wrong, in words. It never contains the value, so secrets stay secret.</param>
    public ValidationError(string path, string code, string message)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Code = code ?? throw new ArgumentNullException(nameof(code));
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>The JSON path of the value, such as <c>transferRecordList[0].opResult</c>; empty for the object itself.</summary>
    public string Path { get; }

    /// <summary>The rule that failed: <c>mandatory</c>, <c>values</c>, <c>format</c>, <c>pattern</c>, <c>minLength</c>, ...</summary>
    public string Code { get; }

    /// <summary>What is wrong, in words.</summary>
    public string Message { get; }

    /// <summary>True when both errors have the same path, code and message.</summary>
    public static bool operator ==(ValidationError left, ValidationError right) => left.Equals(right);

    /// <summary>True when the errors differ in path, code or message.</summary>
    public static bool operator !=(ValidationError left, ValidationError right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(ValidationError other)
        => string.Equals(Path, other.Path, StringComparison.Ordinal)
        && string.Equals(Code, other.Code, StringComparison.Ordinal)
        && string.Equals(Message, other.Message, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ValidationError other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
        => ((Path?.GetHashCode() ?? 0) * 31 + (Code?.GetHashCode() ?? 0)) * 31 + (Message?.GetHashCode() ?? 0);

    /// <inheritdoc/>
    public override string ToString() => string.IsNullOrEmpty(Path) ? $"[{Code}] {Message}" : $"{Path}: [{Code}] {Message}";
}

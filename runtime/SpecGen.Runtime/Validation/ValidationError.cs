namespace SpecGen;

/// <summary>One way in which an object breaks its spec.</summary>
public sealed class ValidationError
{
    /// <summary>Creates an error.</summary>
    /// <param name="path">The JSON path of the value, such as <c>transferRecordList[0].opResult</c>; empty for the object itself.</param>
    /// <param name="code">The rule that failed: <c>mandatory</c>, <c>values</c>, <c>format</c>, <c>pattern</c>, ...</param>
    /// <param name="message">What is wrong, in words. It never contains the value, so secrets stay secret.</param>
    public ValidationError(string path, string code, string message)
    {
        Path = path;
        Code = code;
        Message = message;
    }

    /// <summary>The JSON path of the value, such as <c>transferRecordList[0].opResult</c>; empty for the object itself.</summary>
    public string Path { get; }

    /// <summary>The rule that failed: <c>mandatory</c>, <c>values</c>, <c>format</c>, <c>pattern</c>, <c>minLength</c>, ...</summary>
    public string Code { get; }

    /// <summary>What is wrong, in words.</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public override string ToString() => Path.Length == 0 ? $"[{Code}] {Message}" : $"{Path}: [{Code}] {Message}";
}

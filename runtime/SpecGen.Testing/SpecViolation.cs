namespace SpecGen.Testing;

/// <summary>
/// One way in which a request the fake received breaks its spec: what contract mode records in
/// <see cref="SpecFakeServer.Violations"/>.
/// </summary>
public sealed class SpecViolation
{
    /// <summary>Creates a violation.</summary>
    /// <param name="interfaceName">The interface the request was for, as the spec names it; empty when no interface serves its path.</param>
    /// <param name="path">The JSON path of the value (<c>transferRecordList[0].opResult</c>), or the header, query or path field's name; empty for the request as a whole.</param>
    /// <param name="code">The rule broken: the generated <c>Validate()</c>'s codes (<c>mandatory</c>, <c>values</c>, <c>format</c>, ...), or <c>json</c>, <c>type</c>, <c>token</c>, <c>method</c>, <c>path</c>.</param>
    /// <param name="message">What is wrong, in words; never the value, so secrets stay secret.</param>
    public SpecViolation(string interfaceName, string path, string code, string message)
    {
        InterfaceName = interfaceName ?? throw new ArgumentNullException(nameof(interfaceName));
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Code = code ?? throw new ArgumentNullException(nameof(code));
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>The interface the request was for; empty when no interface serves its path.</summary>
    public string InterfaceName { get; }

    /// <summary>The JSON path of the value, or the header, query or path field's name; empty for the request as a whole.</summary>
    public string Path { get; }

    /// <summary>The rule broken.</summary>
    public string Code { get; }

    /// <summary>What is wrong, in words.</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public override string ToString()
    {
        string where = InterfaceName.Length == 0 ? "(no interface)" : InterfaceName;
        return Path.Length == 0 ? $"{where}: [{Code}] {Message}" : $"{where}: {Path}: [{Code}] {Message}";
    }
}

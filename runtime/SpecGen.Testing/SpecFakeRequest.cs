using System.Globalization;

namespace SpecGen.Testing;

/// <summary>A request the fake server received, as the test sees it.</summary>
public sealed class SpecFakeRequest
{
    internal SpecFakeRequest(
        string interfaceName,
        string method,
        string path,
        IReadOnlyDictionary<string, string> pathValues,
        IReadOnlyDictionary<string, string[]> query,
        IReadOnlyDictionary<string, string> headers,
        byte[] body)
    {
        InterfaceName = interfaceName;
        Method = method;
        Path = path;
        PathValues = pathValues;
        Query = query;
        Headers = headers;
        Body = body;
    }

    /// <summary>The interface the request was routed to.</summary>
    public string InterfaceName { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path, as received (escaped).</summary>
    public string Path { get; }

    /// <summary>The values of the URL's <c>{placeholders}</c>, unescaped.</summary>
    public IReadOnlyDictionary<string, string> PathValues { get; }

    /// <summary>The query parameters.</summary>
    public IReadOnlyDictionary<string, string[]> Query { get; }

    /// <summary>The headers, names compared without case.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The raw body.</summary>
    public byte[] Body { get; }

    /// <summary>The body as text.</summary>
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    /// <summary>The text of a non-body field, or null when the request did not carry it.</summary>
    public string? Text(SpecPosition position, string name) => position switch
    {
        SpecPosition.Path => PathValues.TryGetValue(name, out string? value) ? value : null,
        SpecPosition.Query => Query.TryGetValue(name, out string[]? values) && values.Length > 0 ? values[0] : null,
        SpecPosition.Header => Headers.TryGetValue(name, out string? value) ? value : null,
        _ => null,
    };

    /// <summary>A non-body field read as a 32-bit integer; null when absent or not a number.</summary>
    public int? ReadInt32(SpecPosition position, string name)
        => int.TryParse(Text(position, name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) ? value : null;

    /// <summary>A non-body field read as a 64-bit integer; null when absent or not a number.</summary>
    public long? ReadInt64(SpecPosition position, string name)
        => long.TryParse(Text(position, name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) ? value : null;

    /// <summary>A non-body field read as a number; null when absent or not a number.</summary>
    public double? ReadDouble(SpecPosition position, string name)
        => double.TryParse(Text(position, name), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;

    /// <summary>A non-body field read as <c>true</c>/<c>false</c>; null when absent or neither.</summary>
    public bool? ReadBoolean(SpecPosition position, string name)
        => bool.TryParse(Text(position, name), out bool value) ? value : null;
}

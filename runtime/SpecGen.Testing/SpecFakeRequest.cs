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
        byte[] body,
        IReadOnlyDictionary<string, string>? formFields = null,
        IReadOnlyDictionary<string, SpecFakeFormFile>? formFiles = null)
    {
        FormFields = formFields ?? new Dictionary<string, string>();
        FormFiles = formFiles ?? new Dictionary<string, SpecFakeFormFile>();
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

    /// <summary>The text parts of a <c>multipart/form-data</c> body, by name; empty for any other body.</summary>
    public IReadOnlyDictionary<string, string> FormFields { get; }

    /// <summary>The file parts of a <c>multipart/form-data</c> body, by name; empty for any other body.</summary>
    public IReadOnlyDictionary<string, SpecFakeFormFile> FormFiles { get; }

    /// <summary>The file part <paramref name="name"/> as a <see cref="SpecFile"/> over its bytes, or null when the body has none.</summary>
    public SpecFile? FormFile(string name)
        => FormFiles.TryGetValue(name, out SpecFakeFormFile? file)
            ? new SpecFile(new MemoryStream(file.Content, writable: false), file.FileName, file.ContentType, file.Content.Length)
            : null;

    /// <summary>The body as text.</summary>
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    /// <summary>The text of a non-body field, or of a text part of a multipart body (<see cref="SpecPosition.Body"/>); null when the request did not carry it.</summary>
    public string? Text(SpecPosition position, string name) => position switch
    {
        SpecPosition.Path => PathValues.TryGetValue(name, out string? value) ? value : null,
        SpecPosition.Query => Query.TryGetValue(name, out string[]? values) && values.Length > 0 ? values[0] : null,
        SpecPosition.Header => Headers.TryGetValue(name, out string? value) ? value : null,
        SpecPosition.Body => FormFields.TryGetValue(name, out string? value) ? value : null,
        _ => null,
    };

    /// <summary>A non-body field read as a 32-bit integer; null when absent or not a number.</summary>
    public int? ReadInt32(SpecPosition position, string name)
        => Typed<int>(position, name, "a 32-bit integer", static t => int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v : null);

    /// <summary>A non-body field read as a 64-bit integer; null when absent or not a number.</summary>
    public long? ReadInt64(SpecPosition position, string name)
        => Typed<long>(position, name, "a 64-bit integer", static t => long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v) ? v : null);

    /// <summary>A non-body field read as a number; null when absent or not a number.</summary>
    public double? ReadDouble(SpecPosition position, string name)
        => Typed<double>(position, name, "a number", static t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null);

    /// <summary>A non-body field read as <c>true</c>/<c>false</c>; null when absent or neither.</summary>
    public bool? ReadBoolean(SpecPosition position, string name)
        => Typed<bool>(position, name, "true or false", static t => bool.TryParse(t, out bool v) ? v : null);

    /// <summary>
    /// Header, query and path values that are there but not of their spec's type. The generated
    /// request class cannot hold them (its property is typed), so contract mode learns of them here,
    /// while the generated code reads the request.
    /// </summary>
    internal List<ValidationError> TypeErrors { get; } = [];

    private T? Typed<T>(SpecPosition position, string name, string expected, Func<string, T?> parse)
        where T : struct
    {
        string? text = Text(position, name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        T? value = parse(text);
        if (value is null)
        {
            lock (TypeErrors)
            {
                TypeErrors.Add(new ValidationError(name, "type", $"The {position.ToString().ToLowerInvariant()} field is not {expected}."));
            }
        }

        return value;
    }
}

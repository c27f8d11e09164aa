using System.Text.Json;

namespace SpecGen;

/// <summary>
/// The answer is not JSON of the spec's shape: malformed JSON, a wrong token type, a number out
/// of range. <see cref="JsonPath"/> tells where.
/// </summary>
public sealed class SpecResponseFormatException : SpecResponseException
{
    /// <summary>Creates the exception.</summary>
    public SpecResponseFormatException(string interfaceName, int httpStatus, JsonException innerException)
        : base(interfaceName, httpStatus, "the answer does not match its spec: " + innerException.Message, innerException)
    {
        JsonPath = innerException.Path;
    }

    /// <summary>The JSON path of the offending value, when known, such as <c>$.transferRecordList[0].startTime</c>.</summary>
    public string? JsonPath { get; }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace SpecGen;

/// <summary>The success convention of a service's answers (the <c>envelope</c> of service.yaml).</summary>
public sealed class SpecEnvelope
{
    private readonly HashSet<string> _successCodes;

    /// <summary>Creates the envelope.</summary>
    /// <param name="codeField">The JSON name of the code, such as <c>errorCode</c>.</param>
    /// <param name="messageField">The JSON name of the message, such as <c>errorMessage</c>, or null.</param>
    /// <param name="successCodes">The codes that mean success, as the wire writes them.</param>
    /// <param name="missingIsSuccess">True when an answer without a code is a success.</param>
    public SpecEnvelope(string codeField, string? messageField, IEnumerable<string> successCodes, bool missingIsSuccess)
    {
        CodeField = codeField ?? throw new ArgumentNullException(nameof(codeField));
        MessageField = messageField;
        _successCodes = new HashSet<string>(successCodes ?? throw new ArgumentNullException(nameof(successCodes)), StringComparer.Ordinal);
        MissingIsSuccess = missingIsSuccess;
    }

    /// <summary>The JSON name of the code.</summary>
    public string CodeField { get; }

    /// <summary>The JSON name of the message, or null.</summary>
    public string? MessageField { get; }

    /// <summary>True when an answer without a code is a success.</summary>
    public bool MissingIsSuccess { get; }

    /// <summary>The codes that mean success.</summary>
    public IReadOnlyCollection<string> SuccessCodes => _successCodes.ToArray();

    /// <summary>True when <paramref name="code"/> (null: no code) means success.</summary>
    public bool IsSuccess(string? code) => code is null ? MissingIsSuccess : _successCodes.Contains(code);

    /// <summary>
    /// Reads the code and message from the top level of a JSON object, whatever else it holds:
    /// a number code as its literal (<c>0</c>), a string code as its text.
    /// </summary>
    /// <returns>False when the JSON is not an object, so it has no envelope at all.</returns>
    /// <exception cref="JsonException">The JSON is malformed, or its code or message is not valid Unicode.</exception>
    public bool TryRead(ReadOnlySpan<byte> json, out string? code, out string? message)
    {
        code = null;
        message = null;
        var reader = new Utf8JsonReader(json, SpecJson.ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isCode = reader.ValueTextEquals(CodeField);
            bool isMessage = MessageField is not null && reader.ValueTextEquals(MessageField);
            reader.Read();
            if (isCode)
            {
                code = ScalarText(ref reader);
            }
            else if (isMessage)
            {
                message = ScalarText(ref reader);
            }

            reader.Skip();
        }

        return true;
    }

    private static string? ScalarText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => SpecJson.ReadString(ref reader),
        JsonTokenType.Number => reader.TryGetInt64(out long number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray()),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };
}

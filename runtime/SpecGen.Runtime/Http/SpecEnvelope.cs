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
    private readonly HashSet<long> _successNumbers;

    /// <summary>Creates the envelope.</summary>
    /// <param name="codeField">The JSON name of the code, such as <c>errorCode</c>.</param>
    /// <param name="messageField">The JSON name of the message, such as <c>errorMessage</c>, or null.</param>
    /// <param name="successCodes">The codes that mean success, as the wire writes them.</param>
    /// <param name="missingIsSuccess">True when an answer without a code is a success.</param>
    public SpecEnvelope(string codeField, string? messageField, IEnumerable<string> successCodes, bool missingIsSuccess)
        : this(codeField, messageField is null ? Array.Empty<string>() : new[] { messageField }, successCodes, missingIsSuccess)
    {
    }

    private SpecEnvelope(string codeField, string[] messageFields, IEnumerable<string> successCodes, bool missingIsSuccess)
    {
        CodeField = codeField ?? throw new ArgumentNullException(nameof(codeField));
        MessageFields = messageFields;
        _successCodes = new HashSet<string>(successCodes ?? throw new ArgumentNullException(nameof(successCodes)), StringComparer.Ordinal);
        MissingIsSuccess = missingIsSuccess;

        // A number matches a code written as that number's own text, as when the JSON is read as text ("0200000" never matches 200000).
        _successNumbers = new HashSet<long>(_successCodes
            .Where(c => long.TryParse(c, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n) && n.ToString(CultureInfo.InvariantCulture) == c)
            .Select(c => long.Parse(c, CultureInfo.InvariantCulture)));
    }

    /// <summary>Creates an envelope whose message may come under any of several names, as pages of one service write it.</summary>
    /// <param name="codeField">The JSON name of the code.</param>
    /// <param name="messageFields">The JSON names of the message; the first one an answer has wins.</param>
    /// <param name="successCodes">The codes that mean success, as the wire writes them.</param>
    /// <param name="missingIsSuccess">True when an answer without a code is a success.</param>
    public static SpecEnvelope WithMessages(string codeField, IEnumerable<string> messageFields, IEnumerable<string> successCodes, bool missingIsSuccess)
        => new(codeField, (messageFields ?? throw new ArgumentNullException(nameof(messageFields))).ToArray(), successCodes, missingIsSuccess);

    /// <summary>The JSON name of the code.</summary>
    public string CodeField { get; }

    /// <summary>The JSON name of the message, or null: the first of <see cref="MessageFields"/>.</summary>
    public string? MessageField => MessageFields.Count == 0 ? null : MessageFields[0];

    /// <summary>The JSON names of the message, in the order they are tried; may be empty.</summary>
    public IReadOnlyList<string> MessageFields { get; }

    /// <summary>True when an answer without a code is a success.</summary>
    public bool MissingIsSuccess { get; }

    /// <summary>The codes that mean success.</summary>
    public IReadOnlyCollection<string> SuccessCodes => _successCodes.ToArray();

    /// <summary>True when a code read from the parsed answer means success.</summary>
    public bool IsSuccess(SpecEnvelopeCode code)
        => code.Text is { } text ? _successCodes.Contains(text)
        : code.Number is { } number ? _successNumbers.Contains(number)
        : MissingIsSuccess;

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
        int bestMessage = int.MaxValue;
        var reader = new Utf8JsonReader(json, SpecJson.ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isCode = reader.ValueTextEquals(CodeField);
            int messageRank = isCode ? -1 : MessageRank(ref reader);
            reader.Read();
            if (isCode)
            {
                code = ScalarText(ref reader);
            }
            else if (messageRank >= 0 && messageRank < bestMessage)
            {
                message = ScalarText(ref reader);
                bestMessage = messageRank;
            }

            reader.Skip();
        }

        return true;
    }

    private int MessageRank(ref Utf8JsonReader reader)
    {
        for (int i = 0; i < MessageFields.Count; i++)
        {
            if (reader.ValueTextEquals(MessageFields[i]))
            {
                return i;
            }
        }

        return -1;
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

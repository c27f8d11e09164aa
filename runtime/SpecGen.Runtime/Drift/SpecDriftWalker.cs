using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SpecGen;

/// <summary>
/// Walks one answer's JSON against its <see cref="SpecAnswerShape"/> with a <see cref="Utf8JsonReader"/>
/// (no reflection, nothing bound) and collects every drift it finds, at most
/// <see cref="MaxFindings"/>, each path and kind once. It also picks up the envelope code on its way
/// through the top level. Values reach a finding only where the spec lists the allowed ones, and
/// never for a secret field.
/// </summary>
internal sealed class SpecDriftWalker
{
    /// <summary>The most findings one answer gives: a server that breaks every record says so in one.</summary>
    public const int MaxFindings = 32;

    /// <summary>The most characters of a value that a finding shows.</summary>
    public const int MaxValueLength = 64;

    private readonly SpecShapeClass[]? _classes;
    private readonly string? _codeField;
    private readonly List<SpecDriftFinding> _findings = new();
    private string[] _path = new string[16];
    private int _depth;

    private SpecDriftWalker(SpecShapeClass[]? classes, string? codeField)
    {
        _classes = classes is { Length: > 0 } ? classes : null;
        _codeField = codeField;
    }

    /// <summary>The findings about the answer's shape, in the order met.</summary>
    public IReadOnlyList<SpecDriftFinding> Findings => _findings;

    /// <summary>True when the answer is a JSON object (whatever else it breaks).</summary>
    public bool IsObject { get; private set; }

    /// <summary>True when the top level has the envelope's code field.</summary>
    public bool CodeFound { get; private set; }

    /// <summary>The envelope code as <see cref="SpecEnvelope"/> reads it: a number's literal, a string's text; null when absent or not a scalar.</summary>
    public string? Code { get; private set; }

    public static SpecDriftWalker Walk(SpecAnswerShape? shape, string? codeField, ReadOnlySpan<byte> body)
    {
        var walker = new SpecDriftWalker(shape?.Classes, codeField);
        walker.Run(body);
        return walker;
    }

    private void Run(ReadOnlySpan<byte> body)
    {
        if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF)
        {
            body = body.Slice(3);
        }

        if (body.IsEmpty)
        {
            Add(SpecDriftKind.Malformed, "a JSON object", "no JSON");
            return;
        }

        var reader = new Utf8JsonReader(body, SpecJson.ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                Add(SpecDriftKind.Malformed, "a JSON object", "no JSON");
                return;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Add(SpecDriftKind.WrongType, "an object", Describe(reader.TokenType));
                return;
            }

            IsObject = true;
            WalkObject(ref reader, _classes?[0], root: true);

            // The reader refuses a second value itself, as the client's does.
            reader.Read();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Invalid UTF-8 surfaces from the reader's Get methods as InvalidOperationException.
            Add(SpecDriftKind.Malformed, "well-formed JSON", "malformed JSON");
        }
    }

    private void WalkObject(ref Utf8JsonReader reader, SpecShapeClass? cls, bool root)
    {
        ulong seen = 0;
        bool[]? seenMore = cls is { Fields.Length: > 64 } ? new bool[cls.Fields.Length] : null;
        int expected = 0;
        while (Advance(ref reader) != JsonTokenType.EndObject)
        {
            bool isCode = root && _codeField is not null && reader.ValueTextEquals(_codeField);
            int index = cls is null ? -1 : cls.Names.Find(ref reader, expected);
            // The name becomes a string only the first time: a drifting server repeats it in every record.
            string? unknown = cls is not null && index < 0 && HasRoom && !IsKnownUnexpected(ref reader) ? reader.GetString() : null;
            Advance(ref reader);
            if (isCode)
            {
                ReadCode(ref reader);
            }

            if (cls is null)
            {
                reader.Skip();
                continue;
            }

            if (index < 0)
            {
                if (unknown is not null)
                {
                    Push(SpecDriftPath.ServerSegment(unknown));
                    Add(SpecDriftKind.UnexpectedProperty, "no such property", Describe(reader.TokenType), unknown);
                    Pop();
                }

                reader.Skip();
                continue;
            }

            expected = index + 1;
            if (index < 64)
            {
                seen |= 1UL << index;
            }
            else
            {
                seenMore![index] = true;
            }

            SpecShapeField field = cls.Fields[index];
            Push(field.Segment);
            CheckValue(ref reader, field, field.Type, presence: true);
            Pop();
        }

        if (cls is null)
        {
            return;
        }

        foreach (int index in cls.Mandatory)
        {
            bool present = index < 64 ? (seen & (1UL << index)) != 0 : seenMore![index];
            if (!present)
            {
                Push(cls.Fields[index].Segment);
                Add(SpecDriftKind.MissingMandatory, "a value", "missing");
                Pop();
            }
        }
    }

    /// <summary>Checks the value at the reader and leaves the reader on its last token.</summary>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <param name="field">The field the value belongs to: its mandatory mark, values and secrecy.</param>
    /// <param name="type">The value's type: the field's, or its item type.</param>
    /// <param name="presence">True for the field's own value, false for an item of its list or map: only the first can be missing.</param>
    private void CheckValue(ref Utf8JsonReader reader, SpecShapeField field, SpecShapeType type, bool presence)
    {
        JsonTokenType token = reader.TokenType;
        if (token == JsonTokenType.Null)
        {
            if (presence && field.Mandatory)
            {
                Add(SpecDriftKind.MissingMandatory, "a value", "null");
            }

            return;
        }

        switch (type.Kind)
        {
            case SpecShapeKind.String:
                if (token != JsonTokenType.String)
                {
                    WrongType(ref reader, type);
                }
                else if (reader.ValueSpan.Length == 0 && !reader.HasValueSequence)
                {
                    // An empty string counts as not transferred, as Validate() counts it.
                    if (presence && field.Mandatory)
                    {
                        Add(SpecDriftKind.MissingMandatory, "a value", "an empty string");
                    }
                }
                else if (field.Values is { } values && !IsOneOf(ref reader, values) && HasRoom)
                {
                    NotAllowed(field, field.Secret ? null : reader.GetString());
                }

                return;
            case SpecShapeKind.Int32:
            case SpecShapeKind.Int64:
            case SpecShapeKind.Number:
                if (token != JsonTokenType.Number
                    || (type.Kind == SpecShapeKind.Int32 && !reader.TryGetInt32(out _))
                    || (type.Kind == SpecShapeKind.Int64 && !reader.TryGetInt64(out _))
                    || (type.Kind == SpecShapeKind.Number && !(reader.TryGetDouble(out double number) && !double.IsInfinity(number))))
                {
                    WrongType(ref reader, type);
                }
                else if (field.NumberValues is { } numbers && !IsOneOf(ref reader, numbers) && HasRoom)
                {
                    NotAllowed(field, field.Secret ? null : RawText(ref reader));
                }

                return;
            case SpecShapeKind.Boolean:
                if (token is not (JsonTokenType.True or JsonTokenType.False))
                {
                    WrongType(ref reader, type);
                }
                else if (field.Values is { } allowed && Array.IndexOf(allowed, token == JsonTokenType.True ? "true" : "false") < 0)
                {
                    NotAllowed(field, token == JsonTokenType.True ? "true" : "false");
                }

                return;
            case SpecShapeKind.Class:
                if (token != JsonTokenType.StartObject)
                {
                    WrongType(ref reader, type);
                    return;
                }

                WalkObject(ref reader, _classes![type.ClassIndex], root: false);
                return;
            case SpecShapeKind.List:
                if (token != JsonTokenType.StartArray)
                {
                    WrongType(ref reader, type);
                    return;
                }

                Push(SpecDriftPath.AnyItem);
                while (Advance(ref reader) != JsonTokenType.EndArray)
                {
                    CheckValue(ref reader, field, type.Element!, presence: false);
                }

                Pop();
                return;
            case SpecShapeKind.Map:
                if (token != JsonTokenType.StartObject)
                {
                    WrongType(ref reader, type);
                    return;
                }

                Push(SpecDriftPath.AnyItem);
                while (Advance(ref reader) != JsonTokenType.EndObject)
                {
                    Advance(ref reader);
                    CheckValue(ref reader, field, type.Element!, presence: false);
                }

                Pop();
                return;
            default:
                reader.Skip();
                return;
        }
    }

    private void WrongType(ref Utf8JsonReader reader, SpecShapeType type)
    {
        JsonTokenType token = reader.TokenType;
        string seen = token == JsonTokenType.Number ? OutOfRange(type) : Describe(token);
        Add(SpecDriftKind.WrongType, type.Description, seen);
        reader.Skip();
    }

    private static string OutOfRange(SpecShapeType type)
        => type.Kind is SpecShapeKind.Int32 or SpecShapeKind.Int64 or SpecShapeKind.Number ? "a number out of its range" : "a number";

    private bool HasRoom => _findings.Count < MaxFindings;

    /// <summary>A value outside <c>values</c>; <paramref name="value"/> is null for a secret field, whose value is never read out.</summary>
    private void NotAllowed(SpecShapeField field, string? value)
    {
        string seen = field.Secret || value is null ? SpecText.Mask : Quote(value);
        Add(SpecDriftKind.ValueNotAllowed, "one of: " + string.Join(", ", field.Values ?? Array.Empty<string>()), seen);
    }

    /// <summary>A value the server chose, quoted, cleaned of characters that could forge a log line, and cut short.</summary>
    public static string Quote(string value) => "\"" + SpecServerText.Clean(SpecDriftPath.Cut(value, MaxValueLength)) + "\"";

    private void ReadCode(ref Utf8JsonReader reader)
    {
        CodeFound = true;
        Code = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => reader.TryGetInt64(out long number) ? number.ToString(CultureInfo.InvariantCulture) : RawText(ref reader),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => null,
        };
    }

    private static bool IsOneOf(ref Utf8JsonReader reader, string[] values)
    {
        foreach (string value in values)
        {
            if (reader.ValueTextEquals(value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOneOf(ref Utf8JsonReader reader, decimal[] values)
    {
        if (!reader.TryGetDecimal(out decimal number))
        {
            return false;
        }

        return Array.IndexOf(values, number) >= 0;
    }

    private static string RawText(ref Utf8JsonReader reader)
        => Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());

    private static JsonTokenType Advance(ref Utf8JsonReader reader)
        => reader.Read() ? reader.TokenType : throw new SpecJsonException("The JSON ends too early.");

    private void Push(string segment)
    {
        if (_depth == _path.Length)
        {
            Array.Resize(ref _path, _path.Length * 2);
        }

        _path[_depth++] = segment;
    }

    private void Pop() => _depth--;

    /// <summary>True when the property name at the reader is already a finding at this place.</summary>
    private bool IsKnownUnexpected(ref Utf8JsonReader reader)
    {
        foreach (SpecDriftFinding finding in _findings)
        {
            if (finding.Kind == SpecDriftKind.UnexpectedProperty
                && finding.Segments.Length == _depth + 1
                && AtPath(finding.Segments, _depth)
                && reader.ValueTextEquals(finding.RawName!))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Records a finding at the current path, once per path and kind; the path's text is built only for a new one.</summary>
    private void Add(SpecDriftKind kind, string expected, string? seen, string? rawName = null)
    {
        if (_findings.Count >= MaxFindings)
        {
            return;
        }

        foreach (SpecDriftFinding finding in _findings)
        {
            if (finding.Kind == kind && finding.Segments.Length == _depth && AtPath(finding.Segments, _depth))
            {
                return;
            }
        }

        string[] segments = new string[_depth];
        Array.Copy(_path, segments, _depth);
        _findings.Add(new SpecDriftFinding(SpecDriftPath.Join(segments, _depth), kind, expected, seen, segments, rawName));
    }

    /// <summary>True when the first <paramref name="count"/> segments of the current path are <paramref name="segments"/>'.</summary>
    private bool AtPath(string[] segments, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (!string.Equals(segments[i], _path[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "no value",
    };
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SpecGen.Generator.Spec;

/// <summary>
/// Reads the example JSON of a reference page, which carries <c>//</c> and <c>/* */</c> comments.
/// The generator cannot rely on System.Text.Json being loadable in every compiler host, and needs
/// offsets to place diagnostics, so it reads examples with this small reader of its own.
/// </summary>
internal sealed class ExampleJson
{
    /// <summary>
    /// Deeper than any page's example; the reader recurses per level, and a pasted example nested
    /// tens of thousands deep would otherwise overflow the compiler's stack.
    /// </summary>
    public const int MaxDepth = 128;

    private readonly string _text;
    private int _position;
    private int _depth;

    private ExampleJson(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>, or returns null with the offset and reason of the first error.</summary>
    public static ExampleJsonValue? Parse(string text, out int errorOffset, out string? error)
    {
        var reader = new ExampleJson(text);
        try
        {
            ExampleJsonValue value = reader.ReadValue();
            reader.SkipTrivia();
            if (reader._position < text.Length)
            {
                throw Fail("unexpected text after the JSON value");
            }

            errorOffset = 0;
            error = null;
            return value;
        }
        catch (FormatException ex)
        {
            errorOffset = Math.Min(reader._position, text.Length);
            error = ex.Message;
            return null;
        }
    }

    private ExampleJsonValue ReadValue()
    {
        SkipTrivia();
        if (_position >= _text.Length)
        {
            throw Fail("the JSON ends too early");
        }

        int start = _position;
        switch (_text[_position])
        {
            case '{':
                return Nested(ReadObject);
            case '[':
                return Nested(ReadArray);
            case '"':
                return new ExampleJsonValue(ExampleJsonKind.String, start, ReadString());
            case 't':
                ReadWord("true");
                return new ExampleJsonValue(ExampleJsonKind.Boolean, start, "true");
            case 'f':
                ReadWord("false");
                return new ExampleJsonValue(ExampleJsonKind.Boolean, start, "false");
            case 'n':
                ReadWord("null");
                return new ExampleJsonValue(ExampleJsonKind.Null, start);
            default:
                return new ExampleJsonValue(ExampleJsonKind.Number, start, ReadNumber());
        }
    }

    private ExampleJsonValue Nested(Func<ExampleJsonValue> read)
    {
        if (++_depth > MaxDepth)
        {
            throw Fail($"the JSON nests more than {MaxDepth} levels deep");
        }

        ExampleJsonValue value = read();
        _depth--;
        return value;
    }

    private ExampleJsonValue ReadObject()
    {
        var value = new ExampleJsonValue(ExampleJsonKind.Object, _position);
        _position++;
        SkipTrivia();
        if (TryConsume('}'))
        {
            return value;
        }

        while (true)
        {
            SkipTrivia();
            if (_position >= _text.Length || _text[_position] != '"')
            {
                throw Fail("expected a property name in double quotes");
            }

            string name = ReadString();
            SkipTrivia();
            Expect(':');
            value.Properties.Add(new KeyValuePair<string, ExampleJsonValue>(name, ReadValue()));
            SkipTrivia();
            if (TryConsume('}'))
            {
                return value;
            }

            Expect(',');
        }
    }

    private ExampleJsonValue ReadArray()
    {
        var value = new ExampleJsonValue(ExampleJsonKind.Array, _position);
        _position++;
        SkipTrivia();
        if (TryConsume(']'))
        {
            return value;
        }

        while (true)
        {
            value.Items.Add(ReadValue());
            SkipTrivia();
            if (TryConsume(']'))
            {
                return value;
            }

            Expect(',');
        }
    }

    private string ReadString()
    {
        _position++;
        var builder = new StringBuilder();
        while (_position < _text.Length)
        {
            char c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                break;
            }

            char escaped = _text[_position++];
            switch (escaped)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'u' when _position + 4 <= _text.Length
                    && int.TryParse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code):
                    builder.Append((char)code);
                    _position += 4;
                    break;
                case '"' or '\\' or '/':
                    builder.Append(escaped);
                    break;
                default:
                    _position--;
                    throw Fail($"'\\{escaped}' is not a JSON escape");
            }
        }

        throw Fail("a string is not closed");
    }

    private string ReadNumber()
    {
        int start = _position;
        while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0)
        {
            _position++;
        }

        string literal = _text.Substring(start, _position - start);
        if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            _position = start;
            throw Fail("expected a JSON value");
        }

        return literal;
    }

    private void ReadWord(string word)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
        {
            throw Fail("expected a JSON value");
        }

        _position += word.Length;
    }

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                int end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Fail("a comment is not closed");
                }

                _position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private bool TryConsume(char c)
    {
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (!TryConsume(c))
        {
            throw Fail($"expected '{c}'");
        }
    }

    private static FormatException Fail(string message) => new(message);
}

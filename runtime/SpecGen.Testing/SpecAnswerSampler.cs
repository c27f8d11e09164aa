using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SpecGen.Testing;

/// <summary>
/// Fills an answer shape (the generator's <c>Binding/AnswerShapeBinder.cs</c> writes it) with values drawn
/// from a seeded <see cref="Random"/>: one of <c>values</c>, an instant in the field's format, a number in its
/// range, a text within its lengths, a number of items within <c>minItems</c>..<c>maxItems</c>. The same shape
/// and seed give the same text on every run and every .NET version (a seeded <see cref="Random"/> keeps its
/// sequence), and every answer passes the client's own checks.
/// </summary>
internal static class SpecAnswerSampler
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    // Instants between 2000-01-01 and 2037-12-31 (a unix-s value fits in 32 bits).
    private static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private const long Span = 1199059200000;

    /// <summary>The answer of <paramref name="shape"/> for <paramref name="seed"/>; each interface draws its own sequence.</summary>
    public static string Sample(string shape, int seed, string interfaceName)
    {
        var random = new Random(Mix(seed, interfaceName));
        using JsonDocument document = JsonDocument.Parse(shape);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, document.RootElement, random);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonElement shape, Random random)
    {
        switch (shape.GetProperty("t").GetString())
        {
            case "o":
                writer.WriteStartObject();
                foreach (JsonElement field in shape.GetProperty("f").EnumerateArray())
                {
                    writer.WritePropertyName(field[0].GetString()!);
                    Write(writer, field[1], random);
                }

                writer.WriteEndObject();
                return;
            case "l":
                int count = random.Next(shape.GetProperty("min").GetInt32(), shape.GetProperty("max").GetInt32() + 1);
                writer.WriteStartArray();
                for (int i = 0; i < count; i++)
                {
                    Write(writer, shape.GetProperty("e"), random);
                }

                writer.WriteEndArray();
                return;
            case "m":
                writer.WriteStartObject();
                writer.WritePropertyName("key" + random.Next(1, 1000).ToString(CultureInfo.InvariantCulture));
                Write(writer, shape.GetProperty("e"), random);
                writer.WriteEndObject();
                return;
            case "j":
                writer.WriteStartObject();
                writer.WriteEndObject();
                return;
            case "k":
                Scalar(writer, shape, shape.GetProperty("v").GetString()!);
                return;
            case "e":
                JsonElement values = shape.GetProperty("v");
                Scalar(writer, shape, values[random.Next(values.GetArrayLength())].GetString()!);
                return;
            case "b":
                writer.WriteBooleanValue(random.Next(2) == 1);
                return;
            case "d":
                Scalar(writer, shape, Instant(shape.GetProperty("f").GetString()!, random));
                return;
            case "i":
                Scalar(writer, shape, Integer(shape, random));
                return;
            case "n":
                Scalar(writer, shape, Number(shape, random));
                return;
            default:
                Scalar(writer, shape, Text(shape, random));
                return;
        }
    }

    private static void Scalar(Utf8JsonWriter writer, JsonElement shape, string value)
    {
        if (shape.TryGetProperty("s", out JsonElement s) && s.GetInt32() == 1)
        {
            writer.WriteStringValue(value);
        }
        else if (value is "true" or "false" or "True" or "False")
        {
            writer.WriteBooleanValue(string.Equals(value, "true", StringComparison.OrdinalIgnoreCase));
        }
        else if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number))
        {
            writer.WriteRawValue(number.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    private static string Instant(string format, Random random)
    {
        DateTime instant = Earliest.AddMilliseconds(random.NextInt64(Span));
        long unixMilliseconds = new DateTimeOffset(instant).ToUnixTimeMilliseconds();
        return format switch
        {
            "unix-ms" => unixMilliseconds.ToString(CultureInfo.InvariantCulture),
            "unix-s" => (unixMilliseconds / 1000).ToString(CultureInfo.InvariantCulture),
            _ => instant.ToString(format, CultureInfo.InvariantCulture),
        };
    }

    private static string Integer(JsonElement shape, Random random)
    {
        decimal low = decimal.Ceiling(shape.GetProperty("min").GetDecimal());
        decimal high = decimal.Floor(shape.GetProperty("max").GetDecimal());
        if (high <= low)
        {
            return low.ToString(CultureInfo.InvariantCulture);
        }

        // Ranges wider than a long are drawn within the first long's worth of them: still in range.
        decimal width = high > 0 && low < 0 && high > decimal.MaxValue + low ? long.MaxValue - 1 : Math.Min(high - low, long.MaxValue - 1);
        return (low + random.NextInt64((long)width + 1)).ToString(CultureInfo.InvariantCulture);
    }

    private static string Number(JsonElement shape, Random random)
    {
        decimal low = shape.GetProperty("min").GetDecimal();
        decimal high = shape.GetProperty("max").GetDecimal();
        decimal value;
        try
        {
            value = decimal.Round(low + ((high - low) * (decimal)random.NextDouble()), 2);
        }
        catch (OverflowException)
        {
            // A range wider than decimal holds (bounds near its limits): the lower bound is in it.
            value = low;
        }

        return Math.Clamp(value, low, high).ToString(CultureInfo.InvariantCulture);
    }

    private static string Text(JsonElement shape, Random random)
    {
        int length = random.Next(shape.GetProperty("min").GetInt32(), shape.GetProperty("max").GetInt32() + 1);
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            text.Append(Letters[random.Next(Letters.Length)]);
        }

        return text.ToString();
    }

    // FNV-1a over the name, so each interface of a server draws its own values for one seed.
    private static int Mix(int seed, string interfaceName)
    {
        uint hash = 2166136261;
        foreach (char c in interfaceName)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return unchecked((int)hash ^ seed);
    }
}

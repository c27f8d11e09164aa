using System.Globalization;
using System.Text;

namespace SpecGen.Generator.Binding;

/// <summary>
/// JSON text that the binder writes into generated literals (sample answers, answer shapes): one
/// escaping rule, so that what the runtime reads back is what the spec said.
/// </summary>
internal static class JsonText
{
    /// <summary>Appends <paramref name="value"/> as a JSON string; U+2028/U+2029 are escaped too, as C# literals and JavaScript need.</summary>
    public static void WriteString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (char ch in value)
        {
            switch (ch)
            {
                case '"':
                    json.Append("\\\"");
                    break;
                case '\\':
                    json.Append("\\\\");
                    break;
                default:
                    if (ch < ' ' || ch is '\u2028' or '\u2029')
                    {
                        json.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.Append(ch);
                    }

                    break;
            }
        }

        json.Append('"');
    }
}

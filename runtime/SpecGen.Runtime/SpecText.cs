using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace SpecGen;

/// <summary>Writes values for generated <c>ToString()</c> methods.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SpecText
{
    /// <summary>What a secret value prints as.</summary>
    public const string Mask = "***";

    /// <summary>Appends a value: strings quoted, collections listed, null as <c>null</c>.</summary>
    public static StringBuilder AppendValue(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                return builder.Append("null");
            case string text:
                return builder.Append('"').Append(text).Append('"');
            case bool flag:
                return builder.Append(flag ? "true" : "false");
            case System.IFormattable formattable:
                return builder.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
            case IDictionary map:
                builder.Append('{');
                bool firstEntry = true;
                foreach (DictionaryEntry entry in map)
                {
                    builder.Append(firstEntry ? " " : ", ").Append(entry.Key).Append(": ");
                    AppendValue(builder, entry.Value);
                    firstEntry = false;
                }

                return builder.Append(firstEntry ? "}" : " }");
            case IEnumerable items:
                builder.Append('[');
                bool firstItem = true;
                foreach (object? item in items)
                {
                    if (!firstItem)
                    {
                        builder.Append(", ");
                    }

                    AppendValue(builder, item);
                    firstItem = false;
                }

                return builder.Append(']');
            default:
                return builder.Append(value);
        }
    }

    /// <summary>Appends a secret value: <see cref="Mask"/>, or <c>null</c> when there is none.</summary>
    public static StringBuilder AppendSecret(StringBuilder builder, object? value)
        => builder.Append(value is null || (value is string text && text.Length == 0) ? "null" : Mask);
}

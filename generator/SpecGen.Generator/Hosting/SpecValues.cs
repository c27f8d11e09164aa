using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Hosting;

/// <summary>A spec's written values (<c>values</c>, <c>default</c>) read as the generated code reads them, for tools that write them elsewhere.</summary>
internal static class SpecValues
{
    /// <summary>
    /// The value as its field's type says: an <see cref="int"/>, <see cref="long"/>, <see cref="double"/>
    /// or <see cref="bool"/>, read by the spec's own number rules; the text itself for any other type or a value those rules refuse.
    /// </summary>
    public static object Typed(SpecTypeKind kind, string text) => kind switch
    {
        SpecTypeKind.Int32 when SpecScalars.TryParseInt32(text, out int i) => i,
        SpecTypeKind.Int64 when SpecScalars.TryParseInt64(text, out long l) => l,
        SpecTypeKind.Double when SpecScalars.TryParseDouble(text, out double d) => d,
        SpecTypeKind.Boolean when SpecScalars.TryParseBoolean(text, out bool b) => b,
        _ => text,
    };
}

using System.Linq;

namespace SpecGen.Generator.Spec;

/// <summary>
/// A request or response whose body is one JSON value rather than an object of fields, as a page
/// writes it: a single row named <c>-</c> whose type is a list (<c>HotspotData[]</c>). The parser
/// keeps such a row only where it stands for the whole body (SPEC0031), so finding it is enough.
/// </summary>
internal static class WholeBody
{
    /// <summary>The name of the row that stands for the whole body.</summary>
    public const string RowName = Common.KnownNames.WholeBodyJsonName;

    /// <summary>The row that is the whole body of <paramref name="table"/>, or null when its body is an object of fields.</summary>
    public static FieldSpec? Of(ClassSpec table)
        => table.Kind is ClassKind.Request or ClassKind.Response
            ? table.Fields.FirstOrDefault(f => f.JsonName == RowName && f.Position == FieldPosition.Body)
            : null;
}

using System.Text;

namespace SpecGen.Generator.Spec;

/// <summary>The kinds of value a spec type can describe.</summary>
internal enum SpecTypeKind
{
    String,
    Int32,
    Int64,
    Boolean,
    Double,

    /// <summary>A date or time carried as a string; <c>format</c> gives its pattern.</summary>
    Date,

    /// <summary>Free JSON (Object, JSONObject, or a map with no value type).</summary>
    Json,

    /// <summary>A generated class: a <c>types</c> entry or an inline <c>fields:</c> object.</summary>
    Class,
    List,
    Map,

    /// <summary>A file to upload: a request Body field whose value is a <c>multipart/form-data</c> part.</summary>
    File,
}

/// <summary>A resolved spec type, such as <c>List&lt;transferRecord&gt;</c>.</summary>
/// <param name="Kind">What the type is.</param>
/// <param name="ClassId">The <see cref="ClassSpec.Id"/> of the table, for <see cref="SpecTypeKind.Class"/>.</param>
/// <param name="Element">The element type of a list, or the value type of a map.</param>
internal sealed record TypeRef(SpecTypeKind Kind, string? ClassId = null, TypeRef? Element = null)
{
    public static readonly TypeRef String = new(SpecTypeKind.String);
    public static readonly TypeRef Int32 = new(SpecTypeKind.Int32);
    public static readonly TypeRef Int64 = new(SpecTypeKind.Int64);
    public static readonly TypeRef Boolean = new(SpecTypeKind.Boolean);
    public static readonly TypeRef Double = new(SpecTypeKind.Double);
    public static readonly TypeRef Date = new(SpecTypeKind.Date);
    public static readonly TypeRef Json = new(SpecTypeKind.Json);
    public static readonly TypeRef File = new(SpecTypeKind.File);

    public static TypeRef ListOf(TypeRef element) => new(SpecTypeKind.List, Element: element);

    public static TypeRef MapOf(TypeRef value) => new(SpecTypeKind.Map, Element: value);

    public static TypeRef ClassOf(string classId) => new(SpecTypeKind.Class, ClassId: classId);

    /// <summary>True for types whose values are written as JSON strings.</summary>
    public bool IsStringLike => Kind is SpecTypeKind.String or SpecTypeKind.Date;

    public bool IsNumber => Kind is SpecTypeKind.Int32 or SpecTypeKind.Int64 or SpecTypeKind.Double;

    /// <summary>True for the types a value of the spec can be written as: strings, numbers and booleans.</summary>
    public bool IsScalar => IsStringLike || IsNumber || Kind == SpecTypeKind.Boolean;

    public bool IsCollection => Kind is SpecTypeKind.List or SpecTypeKind.Map;

    /// <summary>The type itself, or the element type at the bottom of lists and maps.</summary>
    public TypeRef Innermost => Element is null ? this : Element.Innermost;

    private static readonly char[] IdSeparators = { ':', '/' };

    /// <summary>The spec spelling, for messages.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        Append(builder);
        return builder.ToString();
    }

    private void Append(StringBuilder builder)
    {
        switch (Kind)
        {
            case SpecTypeKind.List:
                Element!.Append(builder);
                builder.Append("[]");
                break;
            case SpecTypeKind.Map:
                builder.Append("Map<String, ");
                Element!.Append(builder);
                builder.Append('>');
                break;
            case SpecTypeKind.Class:
                builder.Append(ClassId!.Substring(ClassId.LastIndexOfAny(IdSeparators) + 1));
                break;
            case SpecTypeKind.Int32:
                builder.Append("Integer");
                break;
            case SpecTypeKind.Int64:
                builder.Append("Long");
                break;
            case SpecTypeKind.Double:
                builder.Append("Number");
                break;
            case SpecTypeKind.Json:
                builder.Append("Object");
                break;
            default:
                builder.Append(Kind);
                break;
        }
    }
}

using System.Text;

namespace SpecGen.Generator.Spec;

/// <summary>The kinds of value a spec type can describe.</summary>
internal enum TypeKind
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
}

/// <summary>A resolved spec type, such as <c>List&lt;transferRecord&gt;</c>.</summary>
/// <param name="Kind">What the type is.</param>
/// <param name="ClassName">The C# class name, for <see cref="TypeKind.Class"/>.</param>
/// <param name="Element">The element type of a list, or the value type of a map.</param>
internal sealed record TypeRef(TypeKind Kind, string? ClassName = null, TypeRef? Element = null)
{
    public static readonly TypeRef String = new(TypeKind.String);
    public static readonly TypeRef Int32 = new(TypeKind.Int32);
    public static readonly TypeRef Int64 = new(TypeKind.Int64);
    public static readonly TypeRef Boolean = new(TypeKind.Boolean);
    public static readonly TypeRef Double = new(TypeKind.Double);
    public static readonly TypeRef Date = new(TypeKind.Date);
    public static readonly TypeRef Json = new(TypeKind.Json);

    public static TypeRef ListOf(TypeRef element) => new(TypeKind.List, Element: element);

    public static TypeRef MapOf(TypeRef value) => new(TypeKind.Map, Element: value);

    public static TypeRef ClassOf(string className) => new(TypeKind.Class, ClassName: className);

    /// <summary>True for types whose values are written as JSON strings.</summary>
    public bool IsStringLike => Kind is TypeKind.String or TypeKind.Date;

    public bool IsNumber => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double;

    public bool IsCollection => Kind is TypeKind.List or TypeKind.Map;

    /// <summary>The type itself, or the element type at the bottom of lists and maps.</summary>
    public TypeRef Innermost => Element is null ? this : Element.Innermost;

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
            case TypeKind.List:
                Element!.Append(builder);
                builder.Append("[]");
                break;
            case TypeKind.Map:
                builder.Append("Map<String, ");
                Element!.Append(builder);
                builder.Append('>');
                break;
            case TypeKind.Class:
                builder.Append(ClassName);
                break;
            case TypeKind.Int32:
                builder.Append("Integer");
                break;
            case TypeKind.Int64:
                builder.Append("Long");
                break;
            case TypeKind.Double:
                builder.Append("Number");
                break;
            case TypeKind.Json:
                builder.Append("Object");
                break;
            default:
                builder.Append(Kind);
                break;
        }
    }
}

namespace SpecGen.Generator.Spec;

/// <summary>
/// How the tables of one file are told apart: stable for an unchanged file, and free of C# so
/// that naming stays binding's work (an inline object's class name depends on its owner's).
/// </summary>
internal static class ClassIds
{
    public const string Request = "request";
    public const string Response = "response";

    public static string Named(string specName) => "types:" + Escape(specName);

    public static string Inline(string ownerId, string fieldJsonName) => ownerId + "/" + Escape(fieldJsonName);

    /// <summary>The name with its separators escaped, so that type <c>a/b</c> and field <c>b</c> of type <c>a</c> stay two ids.</summary>
    private static string Escape(string name) => name.Replace("\\", "\\\\").Replace("/", "\\/");
}

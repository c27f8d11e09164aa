namespace SpecGen.Generator.Spec;

/// <summary>
/// How the tables of one file are told apart: stable for an unchanged file, and free of C# so
/// that naming stays binding's work (an inline object's class name depends on its owner's).
/// </summary>
internal static class ClassIds
{
    public const string Request = "request";
    public const string Response = "response";

    public static string Named(string specName) => "types:" + specName;

    public static string Inline(string ownerId, string fieldJsonName) => ownerId + "/" + fieldJsonName;
}

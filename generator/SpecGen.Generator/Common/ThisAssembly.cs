namespace SpecGen.Generator.Common;

/// <summary>Facts about this build of the generator that generated code records.</summary>
internal static class ThisAssembly
{
    /// <summary>The version in <c>[GeneratedCode]</c>; kept in step with Directory.Build.props.</summary>
    public const string Version = "0.1.0";
}

namespace SpecGen.Generator.Model;

/// <summary>What the consuming compilation allows and asks for.</summary>
/// <param name="NullableAnnotations">
/// True from C# 8 on. Before it (the default of netstandard2.0 and .NET Framework projects, C# 7.3)
/// the generated code carries no nullable annotations, so it compiles there too.
/// </param>
/// <param name="FakeServer">True when the project references SpecGen.Testing: fakes are generated too.</param>
/// <param name="FakesOnly">
/// True for the specs of a referenced assembly (docs/testing.md, "The fake where the tests are"): only the
/// fakes are generated, over that assembly's public DTOs, which they read through its JSON context.
/// </param>
internal sealed record EmitOptions(bool NullableAnnotations, bool FakeServer = false, bool FakesOnly = false)
{
    /// <summary>The <c>?</c> of a nullable reference type, or nothing before C# 8.</summary>
    public string NullableMark => NullableAnnotations ? "?" : string.Empty;
}

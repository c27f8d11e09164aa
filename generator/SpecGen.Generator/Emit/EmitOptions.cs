namespace SpecGen.Generator.Emit;

/// <summary>What the consuming compilation's language version allows the generated code to use.</summary>
/// <param name="NullableAnnotations">
/// True from C# 8 on. Before it (the default of netstandard2.0 and .NET Framework projects, C# 7.3)
/// the generated code carries no nullable annotations, so it compiles there too.
/// </param>
/// <param name="FakeServer">True when the project references SpecGen.Testing: fakes are generated too.</param>
internal sealed record EmitOptions(bool NullableAnnotations, bool FakeServer = false);

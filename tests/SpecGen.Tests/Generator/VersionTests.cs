using SpecGen.Generator;
using SpecGen.Generator.Common;

namespace SpecGen.Tests.Generator;

/// <summary>The version that generated code records in [GeneratedCode] is the generator's own.</summary>
public sealed class VersionTests
{
    [Fact]
    public void GeneratedCode_attribute_version_matches_the_generator_assembly()
    {
        Version assembly = typeof(SpecGenerator).Assembly.GetName().Version!;

        Assert.Equal(new Version(ThisAssembly.Version), new Version(assembly.Major, assembly.Minor, assembly.Build));
    }
}

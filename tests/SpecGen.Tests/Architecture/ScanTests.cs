namespace SpecGen.Tests.Architecture;

/// <summary>What the layering rules stand on: every project compiled, every name bound.</summary>
public sealed class ScanTests
{
    [Fact]
    public void Every_name_in_the_scanned_projects_binds()
    {
        // An expression whose type does not bind is a use no rule sees: a missing reference here
        // would turn every rule about it into a pass.
        Assert.True(CompiledRepository.Unbound.Length == 0, string.Join(Environment.NewLine, CompiledRepository.Unbound));
    }

    [Theory]
    [InlineData("SpecGen.Generator")]
    [InlineData("SpecGen.Cli")]
    [InlineData("SpecGen.Runtime")]
    [InlineData("SpecGen.Testing")]
    public void Each_project_is_scanned(string project)
    {
        Assert.Contains(CompiledRepository.Projects, p => p.Name == project);
        Assert.True(CompiledRepository.Dependencies.Count(d => d.From.Project == project) > 50, $"{project}: too few uses found; is the scan reading it?");
    }
}

namespace SpecGen.Tests.Architecture;

/// <summary>The specgen tool's folders, and how it reaches the generator. See <see cref="CliRules"/>.</summary>
public sealed class CliLayeringTests
{
    [Fact]
    public void Import_openapi_and_hosting_do_not_use_commands() => GeneratorLayeringTests.AssertKept(CliRules.LibrariesDoNotUseCommands);

    [Fact]
    public void Commands_use_hosting_import_and_openapi() => GeneratorLayeringTests.AssertKept(CliRules.CommandsUseTheirLibraries);

    [Fact]
    public void The_tool_uses_no_emitter_or_analyzer() => GeneratorLayeringTests.AssertKept(CliRules.NoEmitterOrAnalyzer);

    [Fact]
    public void The_tool_uses_the_generator_through_hosting_and_the_spec_model() => GeneratorLayeringTests.AssertKept(CliRules.GeneratorThroughHosting);

    [Fact]
    public void Every_allowance_of_the_tool_is_still_needed()
    {
        IReadOnlyList<Allowance> unused = CliRules.GeneratorThroughHosting.UnusedAllowances(CompiledRepository.Dependencies);
        Assert.True(
            unused.Count == 0,
            "No code needs these allowances any more; delete them from CliRules.TodaysAllowances:" + Environment.NewLine
                + string.Join(Environment.NewLine, unused.Select(a => "  " + a)));
    }
}

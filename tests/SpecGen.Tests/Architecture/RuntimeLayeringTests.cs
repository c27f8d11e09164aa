namespace SpecGen.Tests.Architecture;

/// <summary>The runtime's folders and SpecGen.Testing, told apart by file since they share a namespace. See <see cref="RuntimeRules"/>.</summary>
public sealed class RuntimeLayeringTests
{
    [Fact]
    public void Json_validation_attributes_and_exceptions_do_not_use_http() => GeneratorLayeringTests.AssertKept(RuntimeRules.DtoSupportUsesNoHttp);

    [Fact]
    public void The_runtime_does_not_use_SpecGen_Testing() => GeneratorLayeringTests.AssertKept(RuntimeRules.RuntimeUsesNoTesting);

    [Fact]
    public void The_runtime_and_SpecGen_Testing_use_nothing_of_the_generator_or_the_tool() => GeneratorLayeringTests.AssertKept(RuntimeRules.RuntimeUsesNoGenerator);

    [Fact]
    public void SpecGen_Testing_builds_on_the_runtime()
        => Assert.Contains(CompiledRepository.Dependencies, d => d.From.Project == RuntimeRules.Testing && d.To.Project == RuntimeRules.Project);
}

namespace SpecGen.Tests.Architecture;

/// <summary>
/// The generator's steps, top to bottom: Spec/ (what the YAML says) -> Binding/ (every C# name)
/// -> Model/ (what is written) -> Emit/ (text). Analyzers/ read generated attributes, never YAML.
/// Files directly in the project folder (SpecGenerator, BuildSettings, TrackingNames) wire the
/// pipeline and may use every step; so may Hosting/, the one entry that runs it outside a build.
/// </summary>
internal static class GeneratorRules
{
    public const string Project = "SpecGen.Generator";

    /// <summary>The folders these rules know; a new one fails <c>Every_generator_folder_has_rules</c> until it gets its own.</summary>
    public static readonly string[] Folders =
        ["Spec/Model", "Spec/Parsing", "Spec/Checks", "Spec/Compat", "Binding", "Model", "Emit", "Analyzers", "Diagnostics", "Common", "Hosting"];

    public static readonly LayerRule SpecUsesNoLaterStep = new(
        "Spec/ (the YAML's model, parser and checks) uses no binder, emit model, emitter or analyzer",
        In("Spec"),
        In("Binding") | In("Model") | In("Emit") | In("Analyzers"));

    public static readonly LayerRule SpecModelUsesNoParserOrChecks = new(
        "Spec/Model/ is data: it uses neither the parser nor the checks",
        In("Spec/Model"),
        In("Spec/Parsing") | In("Spec/Checks"));

    /// <summary>The comparison of two versions reads the spec model only: what both versions say, as the parser read them.</summary>
    public static readonly LayerRule CompatReadsOnlyTheSpecModel = new(
        "Spec/Compat/ (the comparison of two spec versions) uses only Spec/Model/, Diagnostics/ and Common/",
        In("Spec/Compat"),
        Where.Project(Project).Except(In("Spec/Compat") | In("Spec/Model") | In("Diagnostics") | In("Common")));

    public static readonly LayerRule BindingUsesNoEmitterOrAnalyzer = new(
        "Binding/ uses no emitter and no analyzer",
        In("Binding"),
        In("Emit") | In("Analyzers"));

    /// <summary>
    /// Stricter than "no Spec/, no Binding/": no Diagnostics/ either (no locations), so what is written
    /// is equatable, global::-qualified data and nothing else.
    /// </summary>
    public static readonly LayerRule EmitModelUsesOnlyCommon = new(
        "Model/ (the emit model) uses only Common/: no spec model, no locations, no binder",
        In("Model"),
        Where.Project(Project).Except(In("Model") | In("Common")));

    public static readonly LayerRule EmitUsesOnlyModelAndCommon = new(
        "Emit/ uses only Model/ and Common/",
        In("Emit"),
        Where.Project(Project).Except(In("Emit") | In("Model") | In("Common")));

    public static readonly LayerRule AnalyzersUseOnlyCommonAndDiagnostics = new(
        "Analyzers/ read generated attributes: they use only Common/ and Diagnostics/, never the spec, binder, emit model or emitters",
        In("Analyzers"),
        Where.Project(Project).Except(In("Analyzers") | In("Common") | In("Diagnostics")));

    public static readonly LayerRule DiagnosticsUseOnlyCommon = new(
        "Diagnostics/ uses only Common/",
        In("Diagnostics"),
        Where.Project(Project).Except(In("Diagnostics") | In("Common")));

    public static readonly LayerRule CommonUsesNoOtherFolder = new(
        "Common/ uses no other folder of the generator",
        In("Common"),
        Where.Project(Project).Except(In("Common")));

    public static readonly LayerRule OnlyTheParserReadsYaml = new(
        "Only Spec/Parsing/ uses YamlDotNet",
        Where.Project(Project).Except(In("Spec/Parsing")),
        Where.Assembly("YamlDotNet") | Where.Namespace("YamlDotNet"));

    public static readonly LayerRule NothingUsesHosting = new(
        "Nothing in the generator outside Hosting/ uses Hosting/",
        Where.Project(Project).Except(In("Hosting")),
        In("Hosting"));

    public static IEnumerable<LayerRule> All =>
    [
        SpecUsesNoLaterStep, SpecModelUsesNoParserOrChecks, CompatReadsOnlyTheSpecModel, BindingUsesNoEmitterOrAnalyzer, EmitModelUsesOnlyCommon,
        EmitUsesOnlyModelAndCommon, AnalyzersUseOnlyCommonAndDiagnostics, DiagnosticsUseOnlyCommon, CommonUsesNoOtherFolder,
        OnlyTheParserReadsYaml, NothingUsesHosting,
    ];

    public static Where In(string folder) => Where.Folder(Project, folder);
}

/// <summary>
/// The specgen tool: Commands/ on top of Hosting/, Import/ and OpenApi/; the files directly in the
/// project folder (Program, SpecGenCommand and its CommandContext) dispatch to the commands.
/// </summary>
internal static class CliRules
{
    public const string Project = "SpecGen.Cli";

    public static readonly LayerRule LibrariesDoNotUseCommands = new(
        "Import/, OpenApi/ and Hosting/ do not use Commands/ or the command dispatcher",
        In("Import") | In("OpenApi") | In("Hosting"),
        In("Commands") | Where.ProjectRoot(Project));

    public static readonly LayerRule CommandsUseTheirLibraries = new(
        "Commands/ use Hosting/, Import/, OpenApi/ and the dispatcher's CommandContext, no other folder",
        In("Commands"),
        Where.Project(Project).Except(In("Commands") | In("Hosting") | In("Import") | In("OpenApi") | Where.ProjectRoot(Project)));

    public static readonly LayerRule NoEmitterOrAnalyzer = new(
        "The tool uses neither the generator's emitters nor its analyzers",
        Where.Project(Project),
        GeneratorRules.In("Emit") | GeneratorRules.In("Analyzers"));

    /// <summary>
    /// The uses of the generator that the target rule (<see cref="GeneratorThroughHosting"/>) lets pass
    /// today, in one place. Each one that no code needs any more fails
    /// <c>Every_allowance_of_the_tool_is_still_needed</c>: delete it then, and the rule is tighter.
    /// </summary>
    public static readonly IReadOnlyList<Allowance> TodaysAllowances =
    [
        new(In("Import") | In("OpenApi"), Where.File(GeneratorRules.Project, "Spec/Checks/SpecScalars.cs"),
            "page values and example values are read with the spec's number and boolean rules"),
        new(In("Import") | In("OpenApi"), Where.File(GeneratorRules.Project, "Common/SpecFormats.cs"),
            "the importer and the OpenAPI export know the format names (unix-ms, unix-s, date patterns)"),
    ];

    /// <summary>
    /// The target: the tool sees the generator through SpecGen.Generator/Hosting and the spec model it
    /// returns (Spec/Model/ and the ImmutableEquatableArray its records hold).
    /// </summary>
    public static readonly LayerRule GeneratorThroughHosting = new(
        "The tool uses the generator only through Hosting/ and the spec model (Spec/Model/)",
        Where.Project(Project),
        Where.Project(GeneratorRules.Project).Except(
            GeneratorRules.In("Hosting") | GeneratorRules.In("Spec/Model") | Where.File(GeneratorRules.Project, "Common/ImmutableEquatableArray.cs")),
        TodaysAllowances);

    public static IEnumerable<LayerRule> All => [LibrariesDoNotUseCommands, CommandsUseTheirLibraries, NoEmitterOrAnalyzer, GeneratorThroughHosting];

    private static Where In(string folder) => Where.Folder(Project, folder);
}

/// <summary>
/// The runtime: what generated DTOs need (Json/, Validation/, Attributes/, Exceptions/) stands
/// without the HTTP client (Http/), which builds on it. Every folder shares the namespace
/// <c>SpecGen</c>, so only the declaring file tells them apart.
/// </summary>
internal static class RuntimeRules
{
    public const string Project = "SpecGen.Runtime";
    public const string Testing = "SpecGen.Testing";

    public static readonly LayerRule DtoSupportUsesNoHttp = new(
        "Json/, Validation/, Attributes/ and Exceptions/ do not use Http/",
        In("Json") | In("Validation") | In("Attributes") | In("Exceptions"),
        In("Http"));

    public static readonly LayerRule RuntimeUsesNoTesting = new(
        "Nothing in the runtime uses SpecGen.Testing",
        Where.Project(Project),
        Where.Project(Testing) | Where.Assembly(Testing) | Where.Namespace("SpecGen.Testing"));

    public static readonly LayerRule RuntimeUsesNoGenerator = new(
        "The runtime and SpecGen.Testing use nothing of the generator or the tool",
        Where.Project(Project) | Where.Project(Testing),
        Where.Project(GeneratorRules.Project) | Where.Project(CliRules.Project) | Where.Namespace("SpecGen.Generator") | Where.Namespace("SpecGen.Cli"));

    public static IEnumerable<LayerRule> All => [DtoSupportUsesNoHttp, RuntimeUsesNoTesting, RuntimeUsesNoGenerator];

    private static Where In(string folder) => Where.Folder(Project, folder);
}

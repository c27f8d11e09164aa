using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Generator.Binding;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Emit;
using SpecGen.Generator.Model;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator;

/// <summary>
/// Turns the YAML specs among the project's AdditionalFiles into DTOs, validators and clients.
/// Parse (YAML to spec model), bind (spec model to emit model), emit (text): each step is pure and
/// value-equatable, so an edit to one spec regenerates only that spec, and a moved line only moves
/// its diagnostics.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class SpecGenerator : IIncrementalGenerator
{
    private readonly ISpecPipelineObserver? _observer;

    /// <summary>The generator as the compiler loads it.</summary>
    public SpecGenerator()
    {
    }

    /// <summary>The generator for a tool that also wants the parse and the binder's names (see <see cref="ISpecPipelineObserver"/>).</summary>
    internal SpecGenerator(ISpecPipelineObserver observer) => _observer = observer;

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<SpecRoot> specRoot = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => SpecRoot.From(options.GlobalOptions))
            .WithTrackingName(TrackingNames.SpecRoot);
        IncrementalValueProvider<BuildSettings> settings = ReadSettings(context);
        context.RegisterSourceOutput(settings, static (output, s) => Report(output, s.Diagnostics));
        IncrementalValuesProvider<SpecInput> inputs = TagInputs(context);
        ReportYamlOutsideSpecRoot(context, inputs, specRoot);

        // One input node for the parse and the spec sources: an edit walks the additional texts once.
        IncrementalValuesProvider<(SpecInput Left, SpecRoot Right)> specTexts = inputs.Combine(specRoot);
        IncrementalValuesProvider<ParsedSpecFile> files = ParseSpecFiles(specTexts);
        context.RegisterSourceOutput(files, static (output, file) => Report(output, file.Diagnostics));
        CompareWithBaseline(context, inputs, files, specRoot);

        IncrementalValueProvider<ImmutableEquatableArray<ServiceSpec>> services = CollectServices(files);
        context.RegisterSourceOutput(
            services.Select(static (all, _) => ServiceChains.Check(all)).WithTrackingName(TrackingNames.TokenChains),
            static (output, diagnostics) => Report(output, diagnostics));
        IncrementalValuesProvider<BoundInterface> interfaces = BindInterfaces(files, services, settings);

        // Reports each interface's diagnostics too, with its name clashes.
        IncrementalValueProvider<NameCheckResult> nameCheck = CheckNames(context, interfaces);
        RegisterInterfaceSources(context, interfaces, nameCheck);
        RegisterClientSources(context, interfaces, services, nameCheck);
        RegisterJsonContextSources(context, interfaces, nameCheck);
        RegisterSpecSources(context, specTexts, settings);
        RegisterReferencedFakes(context, settings);
        if (_observer is { } observer)
        {
            // The same step values the outputs above use, handed over as they are: nothing is computed again.
            context.RegisterSourceOutput(files.Collect(), (_, all) => observer.OnFiles(all));
            context.RegisterSourceOutput(interfaces.Collect().Combine(nameCheck), (_, pair) => observer.OnInterfaces(pair.Left, pair.Right));
        }
    }

    private static IncrementalValueProvider<BuildSettings> ReadSettings(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<bool> referencesTesting = context.MetadataReferencesProvider
            .Where(static reference => BuildSettings.IsTestingReference(reference))
            .Collect()
            .Select(static (references, _) => !references.IsEmpty)
            .WithTrackingName(TrackingNames.TestingReference);

        return context.AnalyzerConfigOptionsProvider
            .Combine(context.ParseOptionsProvider)
            .Combine(referencesTesting)
            .Select(static (pair, _) => BuildSettings.From(pair.Left.Left.GlobalOptions, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Settings);
    }

    /// <summary>A YAML file given to the compiler outside the spec folder is skipped, and said to be.</summary>
    private static void ReportYamlOutsideSpecRoot(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<SpecInput> inputs, IncrementalValueProvider<SpecRoot> specRoot)
    {
        IncrementalValuesProvider<DiagnosticInfo> outside = inputs
            .SelectMany(static (input, _) => input.Baseline ? ImmutableArray<string>.Empty : ImmutableArray.Create(input.File.Path))
            .Where(static path => SpecRoot.IsYaml(path))
            .Combine(specRoot)
            .Where(static pair => !pair.Right.Contains(pair.Left))
            .Select(static (pair, _) => DiagnosticInfo.Create(DiagnosticDescriptors.YamlOutsideSpecRoot, LocationInfo.FileStart(pair.Left), pair.Left, pair.Right.Root!))
            .WithTrackingName(TrackingNames.OutsideSpecRoot);
        context.RegisterSourceOutput(outside, static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));
    }

    /// <summary>Parsing reads the spec root and the file, nothing else: other settings never re-parse.</summary>
    /// <remarks>
    /// Here and below, a filter and a projection are one <c>SelectMany</c> step rather than a
    /// <c>Where</c> and a <c>Select</c>: after an edit the driver walks every step that sees the edited
    /// file, each over all N files, so the fewer such steps, the less an edit costs at large N.
    /// </remarks>
    private static IncrementalValuesProvider<ParsedSpecFile> ParseSpecFiles(IncrementalValuesProvider<(SpecInput Left, SpecRoot Right)> specTexts)
        => specTexts
            .SelectMany(static (pair, cancellationToken) => !pair.Left.Baseline && SpecRoot.IsYaml(pair.Left.File.Path) && pair.Right.Contains(pair.Left.File.Path)
                ? ImmutableArray.Create(ParseSafely(pair.Left.File, cancellationToken))
                : ImmutableArray<ParsedSpecFile>.Empty)
            .WithTrackingName(TrackingNames.SpecFiles);

    private static IncrementalValueProvider<ImmutableEquatableArray<ServiceSpec>> CollectServices(IncrementalValuesProvider<ParsedSpecFile> files)
        => files
            .SelectMany(static (file, _) => One(file.Service))
            .Collect()
            .Select(static (all, _) => all.OrderBy(s => s.Directory, StringComparer.Ordinal).ToImmutableEquatableArray())
            .WithTrackingName(TrackingNames.Services);

    /// <summary>Each interface with its folder's service.yaml and the build settings, bound to its emit model.</summary>
    private static IncrementalValuesProvider<BoundInterface> BindInterfaces(
        IncrementalValuesProvider<ParsedSpecFile> files,
        IncrementalValueProvider<ImmutableEquatableArray<ServiceSpec>> services,
        IncrementalValueProvider<BuildSettings> settings)
        => files
            .Combine(services.Combine(settings))
            .SelectMany(static (pair, _) => pair.Left.Interface is { } spec
                ? ImmutableArray.Create(BindSafely(spec, pair.Right.Left, pair.Right.Right))
                : ImmutableArray<BoundInterface>.Empty)
            .WithTrackingName(TrackingNames.Interfaces);

    /// <summary>The type names of all files together: which files clash, and which file names to number.</summary>
    /// <remarks>
    /// The names carry no locations: an edit that only moves lines (a longer description) leaves every
    /// file's names equal, so this step over all N files stays cached. Each file places its own clashes.
    /// </remarks>
    private static IncrementalValueProvider<NameCheckResult> CheckNames(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<BoundInterface> interfaces)
    {
        IncrementalValueProvider<NameCheckResult> nameCheck = interfaces
            .SelectMany(static (bound, _) => One(bound.Names))
            .Collect()
            .Select(static (names, _) => NameCollisions.Check(names))
            .WithTrackingName(TrackingNames.NameCheck);

        // One output per interface for all its diagnostics, binding's and the clashes': the driver gathers
        // every output's items on every run, so each output per interface adds to the cost of any run.
        IncrementalValuesProvider<ImmutableEquatableArray<DiagnosticInfo>> diagnostics = interfaces
            .Combine(nameCheck.Select(static (result, _) => result.Clashes))
            .Select(static (pair, _) => pair.Left.Names is { } names
                ? Concat(pair.Left.Diagnostics, NameCollisions.Locate(names.FilePath, pair.Left.NameLocations, pair.Right))
                : pair.Left.Diagnostics)
            .WithTrackingName(TrackingNames.InterfaceDiagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, all) => Report(output, all));
        return nameCheck;
    }

    /// <summary>One file per interface, except those whose type names another spec file already took.</summary>
    private static void RegisterInterfaceSources(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<BoundInterface> interfaces,
        IncrementalValueProvider<NameCheckResult> nameCheck)
    {
        // The emit model is compared, not the bound interface: a change to diagnostics alone re-emits nothing.
        IncrementalValuesProvider<InterfaceModel> emitted = interfaces
            .Combine(nameCheck.Select(static (result, _) => (result.SuppressedFiles, result.HintNames)))
            .SelectMany(static (pair, _) => pair.Left is { Model: { } model, Names: { } names } && !pair.Right.SuppressedFiles.Contains(names.FilePath)
                ? ImmutableArray.Create(model with { HintName = HintName(pair.Right.HintNames, names.FilePath, model.HintName) })
                : ImmutableArray<InterfaceModel>.Empty)
            .WithTrackingName(TrackingNames.Emit);

        context.RegisterSourceOutput(emitted, static (output, model) => EmitSafely(output, model.HintName, () => InterfaceEmitter.Emit(model)));
    }

    private static string HintName(ImmutableEquatableArray<HintNameOverride> overrides, string filePath, string hintName)
    {
        foreach (HintNameOverride entry in overrides)
        {
            if (entry.FilePath == filePath)
            {
                return entry.HintName;
            }
        }

        return hintName;
    }

    /// <summary>One file per service: what its interfaces' client methods share.</summary>
    private static void RegisterClientSources(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<BoundInterface> interfaces,
        IncrementalValueProvider<ImmutableEquatableArray<ServiceSpec>> services,
        IncrementalValueProvider<NameCheckResult> nameCheck)
    {
        // A file that is not emitted (its names clashed) adds no method to the client, nor a route to the fake.
        IncrementalValueProvider<ServiceCheckResult> clients = interfaces
            .SelectMany(static (bound, _) => One(bound.Client))
            .Collect()
            .Combine(nameCheck.Select(static (result, _) => result.SuppressedFiles))
            .Select(static (pair, _) => ServiceCollisions.Check(
                pair.Left.Where(part => !pair.Right.Contains(part.SourceFile)).ToImmutableArray(),
                pair.Left.Select(part => (part.Directory, part.InterfaceName)).ToArray()))
            .WithTrackingName(TrackingNames.Clients);

        // Only the diagnostics need the service files' locations; the client sources never wait on them.
        context.RegisterSourceOutput(
            clients.Select(static (result, _) => (result.Conflicts, result.UnknownTokenInterfaces, result.UnknownSessionInterfaces)).Combine(services),
            static (output, pair) =>
            {
                foreach (ServiceConflict conflict in pair.Left.Conflicts)
                {
                    LocationInfo location = pair.Right.FirstOrDefault(s => s.Directory == conflict.Directory)?.Location ?? LocationInfo.FileStart(conflict.SourceFile);
                    output.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.ServiceCollision, location, conflict.Client, conflict.FirstDirectory).ToDiagnostic());
                }

                foreach (UnknownTokenInterface unknown in pair.Left.UnknownTokenInterfaces)
                {
                    LocationInfo? location = pair.Right.FirstOrDefault(s => s.Directory == unknown.Directory)?.Token?.InterfaceLocation;
                    if (location is not null)
                    {
                        output.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownTokenInterface, location, unknown.Name, unknown.Hint).ToDiagnostic());
                    }
                }

                foreach (UnknownSessionInterface unknown in pair.Left.UnknownSessionInterfaces ?? ImmutableEquatableArray<UnknownSessionInterface>.Empty)
                {
                    SessionSpec? session = pair.Right.FirstOrDefault(s => s.Directory == unknown.Directory)?.Session;
                    LocationInfo? location = unknown.SignOut ? session?.SignOutLocation : session?.SignInLocation;
                    if (location is not null)
                    {
                        output.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownSessionInterface, location, unknown.SignOut ? "sign-out" : "sign-in", unknown.Name, unknown.Hint).ToDiagnostic());
                    }
                }
            });

        context.RegisterSourceOutput(clients.Select(static (result, _) => result.Services), static (output, all) =>
        {
            foreach (ServiceOutput service in all)
            {
                EmitSafely(output, service.Model.HintName, () => ServiceEmitter.Emit(service));
            }
        });
    }

    /// <summary>
    /// One JSON context per service, from the class names of its interfaces alone: an edit that keeps
    /// every name (a description, a constraint) stops at the parts step and re-emits nothing.
    /// </summary>
    private static void RegisterJsonContextSources(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<BoundInterface> interfaces,
        IncrementalValueProvider<NameCheckResult> nameCheck)
    {
        IncrementalValueProvider<ImmutableEquatableArray<JsonContextModel>> contexts = interfaces
            .SelectMany(static (bound, _) => One(JsonContexts.Part(bound)))
            .WithTrackingName(TrackingNames.JsonContextParts)
            .Collect()
            .Combine(nameCheck.Select(static (result, _) => result.SuppressedFiles))
            .Select(static (pair, _) => JsonContexts.Group(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.JsonContexts);

        context.RegisterSourceOutput(
            contexts.SelectMany(static (all, _) => all),
            static (output, model) => EmitSafely(output, model.HintName, () => JsonContextEmitter.Emit(model)));
    }

    /// <summary>
    /// Each spec file as <c>[assembly: SpecSource]</c>, so that a test project referencing this one gets the
    /// fakes of its services (<see cref="RegisterReferencedFakes"/>); <c>SpecGenEmbedSpecs=false</c> turns it off.
    /// </summary>
    private static void RegisterSpecSources(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<(SpecInput Left, SpecRoot Right)> specTexts,
        IncrementalValueProvider<BuildSettings> settings)
    {
        IncrementalValueProvider<bool> embed = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => !string.Equals(BuildSettings.Read(options.GlobalOptions, "SpecGenEmbedSpecs"), "false", StringComparison.OrdinalIgnoreCase));
        IncrementalValuesProvider<SpecSourceModel> sources = specTexts
            .Combine(settings.Combine(embed))
            .SelectMany(static (pair, cancellationToken) => pair.Right.Right && !pair.Left.Left.Baseline && SpecRoot.IsYaml(pair.Left.Left.File.Path) && pair.Left.Right.Contains(pair.Left.Left.File.Path)
                ? ImmutableArray.Create(SpecSources.Bind(pair.Left.Right.RelativePath(pair.Left.Left.File.Path), pair.Left.Left.File.GetText(cancellationToken)?.ToString() ?? string.Empty, pair.Right.Left))
                : ImmutableArray<SpecSourceModel>.Empty)
            .WithTrackingName(TrackingNames.SpecSources);
        context.RegisterSourceOutput(sources, static (output, model) => EmitSafely(output, model.HintName, () => SpecSourceEmitter.Emit(model)));
    }

    /// <summary>
    /// In a project that references SpecGen.Testing, the fakes of the services that referenced assemblies
    /// generate, from their <c>[assembly: SpecSource]</c> attributes: the test project of an app gets
    /// <c>{Service}Fake.Create()</c> without the app referencing SpecGen.Testing or the specs being generated twice.
    /// </summary>
    private static void RegisterReferencedFakes(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<BuildSettings> settings)
    {
        // Read per reference, and only where fakes are made: a project without SpecGen.Testing reads nothing.
        IncrementalValueProvider<ImmutableEquatableArray<ReferencedSpecSet>> referenced = context.MetadataReferencesProvider
            .Combine(settings.Select(static (s, _) => s.Options.FakeServer))
            .SelectMany(static (pair, cancellationToken) => pair.Right
                ? ReferencedSpecs.Read(pair.Left, cancellationToken)
                : ImmutableArray<ReferencedSpecSet>.Empty)
            .WithTrackingName(TrackingNames.ReferencedSpecs)
            .Collect()
            .Select(static (sets, _) => sets.OrderBy(s => s.AssemblyName, StringComparer.Ordinal).ToImmutableEquatableArray());
        IncrementalValueProvider<ImmutableEquatableArray<GeneratedFile>> fakes = referenced
            .Combine(settings)
            .Select(static (pair, _) => ReferencedFakes.Generate(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ReferencedFakes);
        context.RegisterSourceOutput(fakes, static (output, files) =>
        {
            foreach (GeneratedFile file in files)
            {
                output.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8));
            }
        });
    }

    private static ImmutableArray<T> One<T>(T? value)
        where T : class
        => value is null ? ImmutableArray<T>.Empty : ImmutableArray.Create(value);

    private static ImmutableEquatableArray<DiagnosticInfo> Concat(ImmutableEquatableArray<DiagnosticInfo> first, ImmutableEquatableArray<DiagnosticInfo> second)
        => second.Count == 0 ? first : first.Count == 0 ? second : first.Concat(second).ToImmutableEquatableArray();

    private static ParsedSpecFile ParseSafely(AdditionalText file, CancellationToken cancellationToken)
    {
        SourceText? text = file.GetText(cancellationToken);
        try
        {
            return SpecParser.Parse(file.Path, text?.ToString() ?? string.Empty);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A crash would drop every generated file (CS8785) and bury the cause under CS0246 errors.
            return new ParsedSpecFile(file.Path, null, null, new[] { InternalError(LocationInfo.FileStart(file.Path), ex) }.ToImmutableEquatableArray());
        }
    }

    private static BoundInterface BindSafely(InterfaceSpec spec, ImmutableEquatableArray<ServiceSpec> services, BuildSettings settings)
    {
        try
        {
            return ModelBinder.Bind(spec, services, settings);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return BoundInterface.Failed(InternalError(LocationInfo.FileStart(spec.FilePath), ex));
        }
    }

    private static void EmitSafely(SourceProductionContext output, string hintName, Func<string> emit)
    {
        string source;
        try
        {
            source = emit();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            output.ReportDiagnostic(InternalError(LocationInfo.None, ex).ToDiagnostic());
            return;
        }

        output.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
    }

    private static DiagnosticInfo InternalError(LocationInfo location, Exception ex)
        => DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, location, ex.GetType().Name + ": " + ex.Message);

    private static void Report(SourceProductionContext output, ImmutableEquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}

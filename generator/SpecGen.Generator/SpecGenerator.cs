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
public sealed class SpecGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<SpecRoot> specRoot = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => SpecRoot.From(options.GlobalOptions))
            .WithTrackingName(TrackingNames.SpecRoot);
        IncrementalValueProvider<BuildSettings> settings = ReadSettings(context);
        context.RegisterSourceOutput(settings, static (output, s) => Report(output, s.Diagnostics));
        ReportYamlOutsideSpecRoot(context, specRoot);

        IncrementalValuesProvider<ParsedSpecFile> files = ParseSpecFiles(context, specRoot);
        context.RegisterSourceOutput(files, static (output, file) => Report(output, file.Diagnostics));

        IncrementalValueProvider<ImmutableEquatableArray<ServiceSpec>> services = CollectServices(files);
        IncrementalValuesProvider<BoundInterface> interfaces = BindInterfaces(files, services, settings);
        context.RegisterSourceOutput(interfaces, static (output, bound) => Report(output, bound.Diagnostics));

        IncrementalValueProvider<NameCheckResult> nameCheck = CheckNames(context, interfaces);
        RegisterInterfaceSources(context, interfaces, nameCheck);
        RegisterClientSources(context, interfaces, services, nameCheck);
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
    private static void ReportYamlOutsideSpecRoot(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<SpecRoot> specRoot)
    {
        IncrementalValuesProvider<DiagnosticInfo> outside = context.AdditionalTextsProvider
            .Select(static (file, _) => file.Path)
            .Where(static path => SpecRoot.IsYaml(path))
            .Combine(specRoot)
            .Where(static pair => !pair.Right.Contains(pair.Left))
            .Select(static (pair, _) => DiagnosticInfo.Create(DiagnosticDescriptors.YamlOutsideSpecRoot, LocationInfo.FileStart(pair.Left), pair.Left, pair.Right.Root!))
            .WithTrackingName(TrackingNames.OutsideSpecRoot);
        context.RegisterSourceOutput(outside, static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));
    }

    /// <summary>Parsing reads the spec root and the file, nothing else: other settings never re-parse.</summary>
    private static IncrementalValuesProvider<ParsedSpecFile> ParseSpecFiles(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<SpecRoot> specRoot)
        => context.AdditionalTextsProvider
            .Where(static file => SpecRoot.IsYaml(file.Path))
            .Combine(specRoot)
            .Where(static pair => pair.Right.Contains(pair.Left.Path))
            .Select(static (pair, cancellationToken) => ParseSafely(pair.Left, cancellationToken))
            .WithTrackingName(TrackingNames.SpecFiles);

    private static IncrementalValueProvider<ImmutableEquatableArray<ServiceSpec>> CollectServices(IncrementalValuesProvider<ParsedSpecFile> files)
        => files
            .Where(static file => file.Service is not null)
            .Select(static (file, _) => file.Service!)
            .Collect()
            .Select(static (all, _) => all.OrderBy(s => s.Directory, StringComparer.Ordinal).ToImmutableEquatableArray())
            .WithTrackingName(TrackingNames.Services);

    /// <summary>Each interface with its folder's service.yaml and the build settings, bound to its emit model.</summary>
    private static IncrementalValuesProvider<BoundInterface> BindInterfaces(
        IncrementalValuesProvider<ParsedSpecFile> files,
        IncrementalValueProvider<ImmutableEquatableArray<ServiceSpec>> services,
        IncrementalValueProvider<BuildSettings> settings)
        => files
            .Where(static file => file.Interface is not null)
            .Select(static (file, _) => file.Interface!)
            .Combine(services)
            .Combine(settings)
            .Select(static (pair, _) => BindSafely(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Interfaces);

    /// <summary>The type names of all files together: which files clash, and which file names to number.</summary>
    /// <remarks>
    /// The names carry no locations: an edit that only moves lines (a longer description) leaves every
    /// file's names equal, so this step over all N files stays cached. Each file places its own clashes.
    /// </remarks>
    private static IncrementalValueProvider<NameCheckResult> CheckNames(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<BoundInterface> interfaces)
    {
        IncrementalValueProvider<NameCheckResult> nameCheck = interfaces
            .Where(static bound => bound.Names is not null)
            .Select(static (bound, _) => bound.Names!)
            .Collect()
            .Select(static (names, _) => NameCollisions.Check(names))
            .WithTrackingName(TrackingNames.NameCheck);

        IncrementalValuesProvider<ImmutableEquatableArray<DiagnosticInfo>> clashes = interfaces
            .Where(static bound => bound.Names is not null)
            .Select(static (bound, _) => (bound.Names!.FilePath, bound.NameLocations))
            .Combine(nameCheck.Select(static (result, _) => result.Clashes))
            .Select(static (pair, _) => NameCollisions.Locate(pair.Left.FilePath, pair.Left.NameLocations, pair.Right))
            .WithTrackingName(TrackingNames.NameClashes);
        context.RegisterSourceOutput(clashes, static (output, diagnostics) => Report(output, diagnostics));
        return nameCheck;
    }

    /// <summary>One file per interface, except those whose type names another spec file already took.</summary>
    private static void RegisterInterfaceSources(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<BoundInterface> interfaces,
        IncrementalValueProvider<NameCheckResult> nameCheck)
    {
        IncrementalValuesProvider<(InterfaceModel Model, string FilePath)> models = interfaces
            .Where(static bound => bound.Model is not null)
            .Select(static (bound, _) => (bound.Model!, bound.Names!.FilePath))
            .WithTrackingName(TrackingNames.Models);

        IncrementalValuesProvider<InterfaceModel> emitted = models
            .Combine(nameCheck.Select(static (result, _) => (result.SuppressedFiles, result.HintNames)))
            .Where(static pair => !pair.Right.SuppressedFiles.Contains(pair.Left.FilePath))
            .Select(static (pair, _) => pair.Left.Model with { HintName = HintName(pair.Right.HintNames, pair.Left.FilePath, pair.Left.Model.HintName) })
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
            .Where(static bound => bound.Client is not null)
            .Select(static (bound, _) => bound.Client!)
            .Collect()
            .Combine(nameCheck.Select(static (result, _) => result.SuppressedFiles))
            .Select(static (pair, _) => ServiceCollisions.Check(
                pair.Left.Where(part => !pair.Right.Contains(part.SourceFile)).ToImmutableArray(),
                pair.Left.Select(part => (part.Directory, part.InterfaceName)).ToArray()))
            .WithTrackingName(TrackingNames.Clients);

        // Only the diagnostics need the service files' locations; the client sources never wait on them.
        context.RegisterSourceOutput(
            clients.Select(static (result, _) => (result.Conflicts, result.UnknownTokenInterfaces)).Combine(services),
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
            });

        context.RegisterSourceOutput(clients.Select(static (result, _) => result.Services), static (output, all) =>
        {
            foreach (ServiceOutput service in all)
            {
                EmitSafely(output, service.Model.HintName, () => ServiceEmitter.Emit(service));
            }
        });
    }

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

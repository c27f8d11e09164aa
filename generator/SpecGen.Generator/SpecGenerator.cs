using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Emit;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator;

/// <summary>
/// Turns the YAML specs among the project's AdditionalFiles into DTOs, validators and clients.
/// Each step is pure and value-equatable, so an edit to one spec regenerates only that spec.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SpecGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<BuildSettings> settings = ReadSettings(context);
        IncrementalValuesProvider<ParsedSpecFile> files = ParseSpecFiles(context, settings);
        context.RegisterSourceOutput(files, static (output, file) => Report(output, file.Diagnostics));

        IncrementalValuesProvider<InterfaceModel> interfaces = BindInterfaces(files, settings);
        RegisterInterfaceSources(context, interfaces);
        RegisterClientSources(context, interfaces);
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

    private static IncrementalValuesProvider<ParsedSpecFile> ParseSpecFiles(
        IncrementalGeneratorInitializationContext context, IncrementalValueProvider<BuildSettings> settings)
        => context.AdditionalTextsProvider
            .Combine(settings)
            .Where(static pair => pair.Right.IsSpec(pair.Left.Path))
            .Select(static (pair, cancellationToken) => ParseSafely(pair.Left, cancellationToken))
            .WithTrackingName(TrackingNames.SpecFiles);

    /// <summary>Each interface with its folder's service.yaml and the build settings.</summary>
    private static IncrementalValuesProvider<InterfaceModel> BindInterfaces(
        IncrementalValuesProvider<ParsedSpecFile> files, IncrementalValueProvider<BuildSettings> settings)
    {
        IncrementalValueProvider<ImmutableEquatableArray<ServiceSpec>> services = files
            .Where(static file => file.Service is not null)
            .Select(static (file, _) => file.Service!)
            .Collect()
            .Select(static (all, _) => all.OrderBy(s => s.Directory, StringComparer.Ordinal).ToImmutableEquatableArray())
            .WithTrackingName(TrackingNames.Services);

        return files
            .Where(static file => file.Interface is not null)
            .Select(static (file, _) => file.Interface!)
            .Combine(services)
            .Combine(settings)
            .Select(static (pair, _) => ModelBinder.Bind(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Interfaces);
    }

    /// <summary>One file per interface, except those whose class names another spec file already took.</summary>
    private static void RegisterInterfaceSources(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<InterfaceModel> interfaces)
    {
        IncrementalValueProvider<NameCheckResult> nameCheck = interfaces
            .Select(static (model, _) => DeclaredNames.From(model))
            .Collect()
            .Select(static (names, _) => NameCollisions.Check(names))
            .WithTrackingName(TrackingNames.NameCheck);

        context.RegisterSourceOutput(nameCheck, static (output, result) => Report(output, result.Diagnostics));

        IncrementalValuesProvider<InterfaceModel> emitted = interfaces
            .Combine(nameCheck.Select(static (result, _) => result.SuppressedFiles))
            .Where(static pair => !pair.Right.Contains(pair.Left.Spec.FilePath))
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(TrackingNames.Emit);

        context.RegisterSourceOutput(emitted, static (output, model) => EmitSafely(output, model.Spec.FilePath, model.HintName, () => InterfaceEmitter.Emit(model)));
    }

    /// <summary>One file per service: what its interfaces' client methods share.</summary>
    private static void RegisterClientSources(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<InterfaceModel> interfaces)
    {
        IncrementalValueProvider<ServiceCheckResult> clients = interfaces
            .Where(static model => model.HasClientMethod)
            .Select(static (model, _) => (ServiceModel.From(model), model.Spec.Name))
            .Collect()
            .Select(static (services, _) => ServiceCollisions.Check(services))
            .WithTrackingName(TrackingNames.Clients);

        context.RegisterSourceOutput(clients, static (output, result) =>
        {
            Report(output, result.Diagnostics);
            foreach (ServiceOutput service in result.Services)
            {
                EmitSafely(output, service.Model.SourceFile, service.Model.HintName, () => ServiceEmitter.Emit(service));
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
            return new ParsedSpecFile(file.Path, null, null, new[] { InternalError(file.Path, ex) }.ToImmutableEquatableArray());
        }
    }

    private static void EmitSafely(SourceProductionContext output, string specPath, string hintName, Func<string> emit)
    {
        string source;
        try
        {
            source = emit();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            output.ReportDiagnostic(InternalError(specPath, ex).ToDiagnostic());
            return;
        }

        output.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
    }

    private static DiagnosticInfo InternalError(string path, Exception ex)
        => DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, LocationInfo.FileStart(path), ex.GetType().Name + ": " + ex.Message);

    private static void Report(SourceProductionContext output, ImmutableEquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}

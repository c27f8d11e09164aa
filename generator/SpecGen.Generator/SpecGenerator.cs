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
        IncrementalValueProvider<bool> referencesTesting = context.MetadataReferencesProvider
            .Where(static reference => BuildSettings.IsTestingReference(reference))
            .Collect()
            .Select(static (references, _) => !references.IsEmpty);

        IncrementalValueProvider<BuildSettings> settings = context.AnalyzerConfigOptionsProvider
            .Combine(context.ParseOptionsProvider)
            .Combine(referencesTesting)
            .Select(static (pair, _) => BuildSettings.From(pair.Left.Left.GlobalOptions, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Settings);

        IncrementalValuesProvider<ParsedSpecFile> files = context.AdditionalTextsProvider
            .Combine(settings)
            .Where(static pair => pair.Right.IsSpec(pair.Left.Path))
            .Select(static (pair, cancellationToken) => ParseSafely(pair.Left, cancellationToken))
            .WithTrackingName(TrackingNames.SpecFiles);

        context.RegisterSourceOutput(files, static (output, file) => Report(output, file.Diagnostics));

        IncrementalValueProvider<ImmutableEquatableArray<ServiceSpec>> services = files
            .Where(static file => file.Service is not null)
            .Select(static (file, _) => file.Service!)
            .Collect()
            .Select(static (all, _) => all.OrderBy(s => s.Directory, StringComparer.Ordinal).ToImmutableEquatableArray())
            .WithTrackingName(TrackingNames.Services);

        IncrementalValuesProvider<InterfaceModel> interfaces = files
            .Where(static file => file.Interface is not null)
            .Select(static (file, _) => file.Interface!)
            .Combine(services)
            .Combine(settings)
            .Select(static (pair, _) => ModelBinder.Bind(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Interfaces);

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

        context.RegisterSourceOutput(emitted, static (output, model) => EmitSafely(output, model));

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
                output.AddSource(service.Model.HintName, SourceText.From(ServiceEmitter.Emit(service), System.Text.Encoding.UTF8));
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

    private static void EmitSafely(SourceProductionContext output, InterfaceModel model)
    {
        string source;
        try
        {
            source = InterfaceEmitter.Emit(model);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            output.ReportDiagnostic(InternalError(model.Spec.FilePath, ex).ToDiagnostic());
            return;
        }

        output.AddSource(model.HintName, SourceText.From(source, System.Text.Encoding.UTF8));
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

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator;

/// <summary>
/// The build-time half of <c>specgen diff</c> (docs/diff.md): the project's <c>SpecGenBaseline</c>
/// folder (the last released specs) reaches the generator as AdditionalFiles with the metadata
/// <c>SpecGenBaseline="true"</c>. Those files are parsed like specs but generate nothing; the live
/// specs are compared with them, and each breaking change that <c>specgen-accepted.yaml</c> does not
/// accept becomes SPEC0028 on the new spec's line.
/// </summary>
public sealed partial class SpecGenerator
{
    private const string BaselineMetadata = "build_metadata.AdditionalFiles.SpecGenBaseline";

    /// <summary>Each additional file with whether it is a baseline file; equal for an unchanged file, so nothing after it reruns.</summary>
    private static IncrementalValuesProvider<SpecInput> TagInputs(IncrementalGeneratorInitializationContext context)
        => context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => new SpecInput(pair.Left, IsBaseline(pair.Right.GetOptions(pair.Left))))
            .WithTrackingName(TrackingNames.SpecInputs);

    private static bool IsBaseline(AnalyzerConfigOptions options)
        => options.TryGetValue(BaselineMetadata, out string? value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static void CompareWithBaseline(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<SpecInput> inputs,
        IncrementalValuesProvider<ParsedSpecFile> files,
        IncrementalValueProvider<SpecRoot> specRoot)
    {
        IncrementalValueProvider<string?> baselineRoot = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => SpecRoot.NormalizeFolder(BuildSettings.Read(options.GlobalOptions, "SpecGenBaseline")));

        IncrementalValuesProvider<BaselineFile> baseline = inputs
            .SelectMany(static (input, cancellationToken) => input.Baseline && SpecRoot.IsYaml(input.File.Path)
                ? ImmutableArray.Create(ParseBaselineSafely(input.File, cancellationToken))
                : ImmutableArray<BaselineFile>.Empty)
            .WithTrackingName(TrackingNames.BaselineFiles);

        IncrementalValueProvider<ImmutableEquatableArray<DiagnosticInfo>> warnings = baseline.Collect()
            .Combine(files.Collect())
            .Combine(specRoot.Combine(baselineRoot))
            .Select(static (pair, _) => BaselineWarnings(pair.Left.Left, pair.Left.Right, pair.Right.Left.Root, pair.Right.Right))
            .WithTrackingName(TrackingNames.Baseline);
        context.RegisterSourceOutput(warnings, static (output, all) => Report(output, all));
    }

    private static BaselineFile ParseBaselineSafely(AdditionalText file, CancellationToken cancellationToken)
    {
        string text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        try
        {
            return AcceptedChanges.IsAcceptedFile(file.Path)
                ? new BaselineFile(file.Path, null, AcceptedChangesParser.Parse(file.Path, text))
                : new BaselineFile(file.Path, SpecParser.Parse(file.Path, text), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A baseline that cannot be read compares as absent: the live specs still build.
            return new BaselineFile(file.Path, null, null);
        }
    }

    /// <summary>
    /// SPEC0028 per breaking change that is not accepted. A file with a SPEC error on either side is
    /// left out of the comparison with its counterpart: what the parser left out of it would read as removed.
    /// </summary>
    private static ImmutableEquatableArray<DiagnosticInfo> BaselineWarnings(
        ImmutableArray<BaselineFile> baseline,
        ImmutableArray<ParsedSpecFile> live,
        string? specRoot,
        string? baselineRoot)
    {
        if (baseline.IsEmpty || specRoot is null || baselineRoot is null)
        {
            return ImmutableEquatableArray<DiagnosticInfo>.Empty;
        }

        try
        {
            List<ParsedSpecFile> old = baseline.Select(b => b.Spec).OfType<ParsedSpecFile>().ToList();
            AcceptedChanges accepted = baseline
                .Where(b => b.Accepted is not null && SpecComparer.Relative(Path.GetDirectoryName(b.Path) ?? string.Empty, baselineRoot).Length == 0)
                .Select(b => b.Accepted!)
                .FirstOrDefault() ?? AcceptedChanges.None;
            var diagnostics = new List<DiagnosticInfo>(baseline.Select(b => b.Accepted).OfType<AcceptedChanges>().SelectMany(a => a.Diagnostics));

            var broken = new HashSet<string>(
                old.Where(HasErrors).Select(f => RelativeFile(f.FilePath, baselineRoot))
                    .Concat(live.Where(HasErrors).Select(f => RelativeFile(f.FilePath, specRoot))),
                StringComparer.Ordinal);
            List<ParsedSpecFile> oldCompared = old.Where(f => !broken.Contains(RelativeFile(f.FilePath, baselineRoot))).ToList();
            List<ParsedSpecFile> liveCompared = live.Where(f => !broken.Contains(RelativeFile(f.FilePath, specRoot))).ToList();

            foreach (SpecChange change in SpecComparer.Compare(oldCompared, baselineRoot, liveCompared, specRoot))
            {
                if (change.Severity != ChangeSeverity.Breaking || accepted.Accepts(change))
                {
                    continue;
                }

                LocationInfo location = change.NewLocation
                    ?? live.Select(f => f.Service).FirstOrDefault(s => s is not null && SpecComparer.Relative(s.Directory, specRoot) == change.Folder)?.Location
                    ?? change.OldLocation
                    ?? LocationInfo.None;
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.BreakingChangeAgainstBaseline,
                    location,
                    change.Kind,
                    change.Interface,
                    change.DirectionText,
                    change.Path.Length > 0 ? " " + change.Path : string.Empty,
                    change.Old ?? "(none)",
                    change.New ?? "(none)",
                    change.Hint is { } hint ? " (" + hint + ")" : string.Empty));
            }

            return diagnostics.ToImmutableEquatableArray();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new[] { InternalError(LocationInfo.None, ex) }.ToImmutableEquatableArray();
        }
    }

    private static bool HasErrors(ParsedSpecFile file) => file.Diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);

    private static string RelativeFile(string path, string root)
        => SpecComparer.Relative(Path.GetDirectoryName(path) ?? string.Empty, root) + "/" + Path.GetFileName(path);
}

/// <summary>An additional file, and whether its <c>SpecGenBaseline</c> metadata makes it a baseline file.</summary>
/// <remarks>The file compares by reference, as the driver hands the same instance for an unchanged file.</remarks>
internal sealed record SpecInput(AdditionalText File, bool Baseline);

/// <summary>A baseline file, parsed: an old spec (or service.yaml), or the accepted-changes file; neither when it could not be read.</summary>
internal sealed record BaselineFile(string Path, ParsedSpecFile? Spec, AcceptedChanges? Accepted);

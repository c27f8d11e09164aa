using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SpecGen.Generator.Binding;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Hosting;

/// <summary>
/// The one way tools run the generator outside a build (<c>specgen check</c>, <c>show</c>,
/// <c>openapi</c>, <c>import</c>): the compiler's own driver runs <see cref="SpecGenerator"/> over the
/// files with the properties MSBuild would give it, and the pipeline hands its parsed files and bound
/// interfaces to an observer as its own steps made them. So a tool sees the build's parse, the
/// binder's names and the build's diagnostics, cross-file ones included, from the one implementation
/// of the pipeline. (Reading the driver's tracked steps instead made a run of 700 files 15 times slower.)
/// </summary>
internal static class SpecWorkspace
{
    /// <summary>Runs the generator over <paramref name="files"/>, all under <paramref name="specRoot"/> (an absolute folder).</summary>
    /// <param name="specRoot">The spec folder, as <c>SpecGenSpecRoot</c>; files outside it are skipped with SPEC0018, as in a build.</param>
    /// <param name="files">The spec files, as MSBuild hands AdditionalFiles to the compiler.</param>
    /// <param name="settings">The project's properties; <see cref="SpecRunSettings.Default"/> when null.</param>
    /// <param name="references">The compilation's references; SpecGen.Testing among them makes the generator emit the fakes, as in a test project.</param>
    public static SpecRun Run(string specRoot, IEnumerable<AdditionalText> files, SpecRunSettings? settings = null, IEnumerable<MetadataReference>? references = null)
    {
        settings ??= SpecRunSettings.Default;
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SpecGenSpecRoot"] = WithTrailingSeparator(specRoot),
            ["RootNamespace"] = settings.RootNamespace,
            // A tool's run builds no assembly that another project references: no [assembly: SpecSource] to record.
            ["SpecGenEmbedSpecs"] = "false",
        };
        if (settings.Namespace is { Length: > 0 } ns)
        {
            properties["SpecGenNamespace"] = ns;
        }

        var collector = new Collector();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            ImmutableArray.Create(new SpecGenerator(collector).AsSourceGenerator()),
            files,
            CSharpParseOptions.Default.WithLanguageVersion(settings.LanguageVersion),
            new BuildProperties(properties));

        // The generator reads no symbols, so the references are all the build context it needs: with
        // SpecGen.Testing among them it emits the fakes, as in a test project.
        CSharpCompilation compilation = CSharpCompilation.Create(
            "SpecGenHost",
            references: references,
            options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriverRunResult result = driver.RunGenerators(compilation).GetRunResult();
        GeneratorRunResult run = result.Results[0];

        ImmutableArray<ParsedSpecFile> parsed = collector.Files
            .OrderBy(f => f.FilePath, StringComparer.Ordinal)
            .ToImmutableArray();
        var interfaceSpecs = new Dictionary<string, InterfaceSpec>(StringComparer.Ordinal);
        foreach (ParsedSpecFile file in parsed)
        {
            if (file.Interface is { } spec)
            {
                interfaceSpecs[file.FilePath] = spec;
            }
        }

        ImmutableArray<HostedInterface> interfaces = collector.Interfaces
            .Select(bound => Host(bound, interfaceSpecs, collector.NameCheck))
            .Where(hosted => hosted is not null)
            .Select(hosted => hosted!)
            .OrderBy(hosted => hosted.Spec.FilePath, StringComparer.Ordinal)
            .ToImmutableArray();

        ImmutableArray<Diagnostic> diagnostics = result.Diagnostics
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.GetLineSpan().StartLinePosition)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        ImmutableArray<GeneratedSpecSource> sources = run.GeneratedSources
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => new GeneratedSpecSource(s.HintName, s.SourceText.ToString()))
            .ToImmutableArray();
        return new SpecRun(parsed, interfaces, sources, diagnostics);
    }

    /// <summary>Keeps what the pipeline hands over on the one run.</summary>
    private sealed class Collector : ISpecPipelineObserver
    {
        public ImmutableArray<ParsedSpecFile> Files { get; private set; } = ImmutableArray<ParsedSpecFile>.Empty;

        public ImmutableArray<BoundInterface> Interfaces { get; private set; } = ImmutableArray<BoundInterface>.Empty;

        public NameCheckResult? NameCheck { get; private set; }

        public void OnFiles(ImmutableArray<ParsedSpecFile> files) => Files = files;

        public void OnInterfaces(ImmutableArray<BoundInterface> interfaces, NameCheckResult nameCheck)
        {
            Interfaces = interfaces;
            NameCheck = nameCheck;
        }
    }

    /// <summary>The binder's names joined to the spec they name; null when binding failed (its diagnostic says why).</summary>
    private static HostedInterface? Host(BoundInterface bound, Dictionary<string, InterfaceSpec> specs, NameCheckResult? nameCheck)
    {
        if (bound is not { Model: { } model, Names: { } names, Naming: { } naming })
        {
            return null;
        }

        if (!specs.TryGetValue(names.FilePath, out InterfaceSpec? spec))
        {
            return null;
        }

        var classes = ImmutableArray.CreateBuilder<HostedClass>(naming.Classes.Count);
        foreach (BoundClassName className in naming.Classes)
        {
            ClassSpec cls = spec.Classes.First(c => c.Id == className.ClassId);
            Model.ClassModel classModel = model.Classes.First(c => c.Name == className.Name);
            var properties = ImmutableArray.CreateBuilder<HostedProperty>(classModel.Properties.Count);
            foreach (Model.PropertyModel property in classModel.Properties)
            {
                properties.Add(new HostedProperty(cls.Fields.First(f => f.JsonName == property.JsonName), property.Name));
            }

            classes.Add(new HostedClass(cls, className.Name, model.Namespace + "." + className.Name, properties.MoveToImmutable()));
        }

        bool emitted = nameCheck is null || !nameCheck.SuppressedFiles.Contains(names.FilePath);
        return new HostedInterface(spec, naming.InterfaceName, model.Namespace, emitted, classes.MoveToImmutable());
    }

    private static string WithTrailingSeparator(string path)
        => path.EndsWith("/", StringComparison.Ordinal) || path.EndsWith("\\", StringComparison.Ordinal) ? path : path + System.IO.Path.DirectorySeparatorChar;
}

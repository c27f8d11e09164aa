using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SpecGen.Generator.Binding;
using SpecGen.Generator.Common;
using SpecGen.Generator.Emit;
using SpecGen.Generator.Model;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator;

/// <summary>A generated file: its hint name and text.</summary>
internal sealed record GeneratedFile(string HintName, string Text);

/// <summary>
/// The fakes of the services a referenced assembly generates, for a test project that references it
/// and SpecGen.Testing (docs/testing.md, "The fake where the tests are"). The referenced specs go through
/// the same parse, binding and name checks as in their own build, under the namespaces that build used,
/// so every name is the one the referenced assembly declares; only the fake routes and servers are
/// written, and they use that assembly's public DTOs. Its diagnostics were that build's to report.
/// </summary>
internal static class ReferencedFakes
{
    public static ImmutableEquatableArray<GeneratedFile> Generate(ImmutableEquatableArray<ReferencedSpecSet> sets, BuildSettings settings)
    {
        if (sets.Count == 0 || !settings.Options.FakeServer)
        {
            return ImmutableEquatableArray<GeneratedFile>.Empty;
        }

        var files = new List<GeneratedFile>();
        var hints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (ReferencedSpecSet set in sets)
        {
            var setSettings = new BuildSettings(set.Namespace, set.RootNamespace, settings.Options with { FakeServer = true, FakesOnly = true }, ImmutableEquatableArray<Diagnostics.DiagnosticInfo>.Empty);
            string prefix = HintNames.Of("SpecGen.Fakes", set.AssemblyName);
            prefix = prefix.Substring(0, prefix.Length - ".g.cs".Length) + ".";
            foreach (GeneratedFile file in Generate(set, setSettings))
            {
                string hint = prefix + file.HintName;
                string stem = hint.Substring(0, hint.Length - ".g.cs".Length);
                for (int number = 2; !hints.Add(hint); number++)
                {
                    hint = $"{stem}.{number}.g.cs";
                }

                files.Add(file with { HintName = hint });
            }
        }

        return files.ToImmutableEquatableArray();
    }

    private static IEnumerable<GeneratedFile> Generate(ReferencedSpecSet set, BuildSettings settings)
    {
        // A path of its own per assembly: the folders of one spec tree group into services as in its build.
        string root = "/" + set.AssemblyName + "/";
        ParsedSpecFile[] parsed = set.Files.Select(f => Parse(root + f.Path, f.Text)).Where(f => f is not null).Select(f => f!).ToArray();
        ImmutableEquatableArray<ServiceSpec> services = parsed
            .Where(f => f.Service is not null)
            .Select(f => f.Service!)
            .OrderBy(s => s.Directory, StringComparer.Ordinal)
            .ToImmutableEquatableArray();
        BoundInterface[] bound = parsed
            .Where(f => f.Interface is not null)
            .Select(f => Bind(f.Interface!, services, settings))
            .Where(b => b is not null)
            .Select(b => b!)
            .ToArray();

        NameCheckResult names = NameCollisions.Check(bound.Where(b => b.Names is not null).Select(b => b.Names!).ToImmutableArray());
        foreach (BoundInterface interfaceBound in bound)
        {
            if (interfaceBound is { Model: { Fake: { } fake } model, Names: { } declared } && !names.SuppressedFiles.Contains(declared.FilePath))
            {
                string hint = names.HintNames.FirstOrDefault(h => h.FilePath == declared.FilePath)?.HintName ?? model.HintName;
                yield return new GeneratedFile(hint, FakeEmitter.EmitRouteFile(model, fake));
            }
        }

        ClientPart[] parts = bound.Where(b => b.Client is not null).Select(b => b.Client!).ToArray();
        ServiceCheckResult clients = ServiceCollisions.Check(
            parts.Where(p => !names.SuppressedFiles.Contains(p.SourceFile)).ToImmutableArray(),
            parts.Select(p => (p.Directory, p.InterfaceName)).ToArray());
        foreach (ServiceOutput service in clients.Services)
        {
            yield return new GeneratedFile(service.Model.HintName, FakeEmitter.EmitServerFile(service));
        }
    }

    // The referenced build compiled these specs: a failure here leaves the one file out, never the build.
    private static ParsedSpecFile? Parse(string path, string text)
    {
        try
        {
            return SpecParser.Parse(path, text);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    private static BoundInterface? Bind(InterfaceSpec spec, ImmutableEquatableArray<ServiceSpec> services, BuildSettings settings)
    {
        try
        {
            return ModelBinder.Bind(spec, services, settings);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }
}

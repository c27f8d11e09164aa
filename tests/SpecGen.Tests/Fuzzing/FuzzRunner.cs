using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Fuzzing;

/// <summary>What one case came to, judged by the outcome rule of <see cref="FuzzRunner"/>.</summary>
internal sealed record CaseOutcome(
    FuzzCase Case,
    string? Failure,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> CompilerDiagnostics,
    string? Exception,
    TimeSpan Elapsed)
{
    public bool Failed => Failure is not null;

    public bool HasSpecError => GeneratorDiagnostics.Any(FuzzRunner.IsSpecError);

    /// <summary>What failures of one class share: how the case broke the rule and the first C# diagnostic's ID.</summary>
    public string Key
    {
        get
        {
            Diagnostic? first = CompilerDiagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) ?? CompilerDiagnostics.FirstOrDefault();
            return Failure + (first is null ? string.Empty : ": " + first.Id);
        }
    }
}

/// <summary>
/// Runs fuzz cases through the generator and the compiler and judges each by one rule: EITHER at
/// least one SPEC0xxx error and no C# error, OR no SPEC0xxx error and a compilation without any
/// error or warning. In every case the driver must not throw, the generator must not fail
/// (CS8784, CS8785, SPEC0016), and a case must finish within <see cref="CaseTimeLimit"/>.
/// SPEC0xxx warnings and infos (SPEC0013) are allowed: they say the spec is odd, not that the C# is.
/// </summary>
/// <remarks>
/// The compilations hold no source but the generated one, so every C# diagnostic comes from
/// generated code. Cases share a compilation in batches, each in its own folder and its own
/// namespace <c>F{seed}</c>, which tells whose diagnostic is whose: SPEC ones by their YAML file,
/// C# ones by the namespace that starts the name of their generated file. When a batch throws,
/// times out, or has a diagnostic that belongs to no case, its cases run again one by one.
/// </remarks>
internal static class FuzzRunner
{
    public static readonly TimeSpan CaseTimeLimit = TimeSpan.FromSeconds(30);

    /// <summary>How many cases share a compilation; <c>SPECGEN_FUZZ_BATCH</c> changes it.</summary>
    public static readonly int BatchSize = Environment.GetEnvironmentVariable("SPECGEN_FUZZ_BATCH") is { Length: > 0 } size ? int.Parse(size, CultureInfo.InvariantCulture) : 16;

    // The reference assemblies are the slow part of a compilation; each configuration builds them once.
    private static readonly ConcurrentDictionary<(LanguageVersion, bool), CSharpCompilation> s_compilations = new();

    private static int s_compilationCount;
    private static long s_compilationTicks;

    /// <summary>How many compilations ran so far, and their summed wall-clock time.</summary>
    public static (int Count, TimeSpan Time) Compilations => (s_compilationCount, TimeSpan.FromTicks(Interlocked.Read(ref s_compilationTicks)));

    public static bool IsSpecError(Diagnostic diagnostic)
        => diagnostic.Id.StartsWith("SPEC0", StringComparison.Ordinal) && diagnostic.Severity == DiagnosticSeverity.Error;

    /// <summary>Runs <paramref name="cases"/> in batches of cases that share a configuration, on every core.</summary>
    public static IReadOnlyList<CaseOutcome> RunAll(IReadOnlyList<FuzzCase> cases)
    {
        var batches = new List<List<FuzzCase>>();
        foreach (IGrouping<(LanguageVersion, bool, bool, bool), FuzzCase> group in cases.GroupBy(c => (c.Version, c.WithTesting, c.Docs, c.Solo)))
        {
            if (group.Key.Item4)
            {
                batches.AddRange(group.Select(c => new List<FuzzCase> { c }));
            }
            else
            {
                batches.AddRange(group.Chunk(BatchSize).Select(chunk => chunk.ToList()));
            }
        }

        var outcomes = new ConcurrentBag<CaseOutcome>();
        Parallel.ForEach(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            batch =>
            {
                foreach (CaseOutcome outcome in RunBatch(batch))
                {
                    outcomes.Add(outcome);
                }
            });

        return [.. outcomes.OrderBy(o => o.Case.Seed)];
    }

    private static List<CaseOutcome> RunBatch(List<FuzzCase> batch)
    {
        if (batch.Count == 1)
        {
            return [RunOne(batch[0])];
        }

        Compiled compiled = Compile(batch);
        if (compiled.Exception is not null || compiled.TimedOut || compiled.GeneratorDiagnostics.Any(IsGeneratorFailure)
            || Attribute(batch, compiled) is not { } perCase)
        {
            return [.. batch.Select(RunOne)];
        }

        // Each case is judged on its own diagnostics; the test reruns alone the failing cases it shows in full.
        return [.. batch.Select(c =>
        {
            (List<Diagnostic> generator, List<Diagnostic> compiler) = perCase[c.Seed];
            return new CaseOutcome(c, Judge(false, null, [.. generator], [.. compiler]), [.. generator], [.. compiler], null, compiled.Elapsed / batch.Count);
        })];
    }

    /// <summary>
    /// The diagnostics of each case of a batch: SPEC ones by the folder of their YAML file, C# ones
    /// by the namespace, <c>F{seed}</c>, that starts the name of their generated file; null when
    /// one of them belongs to no case.
    /// </summary>
    private static Dictionary<int, (List<Diagnostic> Generator, List<Diagnostic> Compiler)>? Attribute(List<FuzzCase> batch, Compiled compiled)
    {
        var perCase = batch.ToDictionary(c => c.Seed, _ => (Generator: new List<Diagnostic>(), Compiler: new List<Diagnostic>()));
        var owners = new Dictionary<SyntaxTree, int>();
        foreach (GeneratedSourceResult source in compiled.Result!.Results.SelectMany(r => r.GeneratedSources))
        {
            string prefix = source.HintName.Split('.')[0];
            if (prefix.StartsWith('F') && int.TryParse(prefix.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int seed))
            {
                owners[source.SyntaxTree] = seed;
            }
        }

        foreach (Diagnostic diagnostic in compiled.GeneratorDiagnostics)
        {
            if (SeedOf(diagnostic.Location.GetLineSpan().Path) is not { } seed || !perCase.TryGetValue(seed, out var lists))
            {
                return null;
            }

            lists.Generator.Add(diagnostic);
        }

        foreach (Diagnostic diagnostic in compiled.CompilerDiagnostics)
        {
            if (diagnostic.Location.SourceTree is not { } tree || !owners.TryGetValue(tree, out int seed) || !perCase.TryGetValue(seed, out var lists))
            {
                return null;
            }

            lists.Compiler.Add(diagnostic);
        }

        return perCase;
    }

    private static int? SeedOf(string specPath)
    {
        string prefix = GeneratorHarness.SpecRoot + "case";
        if (!specPath.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        int end = specPath.IndexOf('/', prefix.Length);
        return end > prefix.Length && int.TryParse(specPath.AsSpan(prefix.Length, end - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int seed) ? seed : null;
    }

    /// <summary>Runs one case alone and judges it.</summary>
    public static CaseOutcome RunOne(FuzzCase fuzzCase)
    {
        Compiled compiled = Compile([fuzzCase]);
        return new CaseOutcome(
            fuzzCase,
            Judge(compiled.TimedOut, compiled.Exception, compiled.GeneratorDiagnostics, compiled.CompilerDiagnostics),
            compiled.GeneratorDiagnostics,
            compiled.CompilerDiagnostics,
            compiled.Exception,
            compiled.Elapsed);
    }

    /// <summary>Null when the run keeps the rule; else how it broke it.</summary>
    private static string? Judge(bool timedOut, string? exception, ImmutableArray<Diagnostic> generator, ImmutableArray<Diagnostic> compiler)
    {
        if (timedOut)
        {
            return $"took more than {CaseTimeLimit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
        }

        if (exception is not null)
        {
            return "the generator or the driver threw";
        }

        if (generator.FirstOrDefault(IsGeneratorFailure) is { } failure)
        {
            return "the generator failed (" + failure.Id + ")";
        }

        if (generator.Any(IsSpecError))
        {
            return compiler.Any(d => d.Severity == DiagnosticSeverity.Error) ? "SPEC error, yet the generated C# has errors" : null;
        }

        if (compiler.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return "no SPEC error, yet the generated C# has errors";
        }

        return compiler.IsEmpty ? null : "no SPEC error, yet the generated C# has warnings";
    }

    private static bool IsGeneratorFailure(Diagnostic diagnostic) => diagnostic.Id is "SPEC0016" or "CS8784" or "CS8785";

    private sealed record Compiled(
        GeneratorDriverRunResult? Result,
        ImmutableArray<Diagnostic> GeneratorDiagnostics,
        ImmutableArray<Diagnostic> CompilerDiagnostics,
        string? Exception,
        bool TimedOut,
        TimeSpan Elapsed);

    private static Compiled Compile(List<FuzzCase> cases)
    {
        FuzzCase first = cases[0];
        CSharpCompilation compilation = s_compilations.GetOrAdd(
            (first.Version, first.WithTesting),
            key => GeneratorHarness.CreateCompilation(version: key.Item1, withTesting: key.Item2));
        var properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["SpecGenSpecRoot"] = GeneratorHarness.SpecRoot };
        foreach (KeyValuePair<string, string> property in cases.SelectMany(c => c.Properties))
        {
            properties[property.Key] = property.Value;
        }

        AdditionalText[] specs = [.. cases.SelectMany(c => c.Files).Select(f => GeneratorHarness.Spec(f.Path, f.Yaml))];
        var stopwatch = Stopwatch.StartNew();
        using var cancellation = new CancellationTokenSource(CaseTimeLimit);
        // A thread of its own: waiting on a pool thread for work queued to the pool starves the pool.
        var work = Task.Factory.StartNew(
            () =>
            {
                GeneratorDriver driver = GeneratorHarness.CreateDriver(specs, first.Version, properties);
                if (first.Docs)
                {
                    driver = driver.WithUpdatedParseOptions(GeneratorHarness.ParseOptions(first.Version).WithDocumentationMode(DocumentationMode.Diagnose));
                }

                driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics, cancellation.Token);
                GeneratorDriverRunResult result = driver.GetRunResult();
                ImmutableArray<Diagnostic> compiler = [.. output.GetDiagnostics(cancellation.Token).Where(d => d.Severity >= DiagnosticSeverity.Warning)];
                return (result, diagnostics, compiler);
            },
            cancellation.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        try
        {
            // The token stops a generator that looks at it; the wait stops waiting for one that does not.
            if (!work.Wait(CaseTimeLimit + TimeSpan.FromSeconds(5)))
            {
                return new Compiled(null, [], [], null, TimedOut: true, stopwatch.Elapsed);
            }
        }
        catch (AggregateException ex) when (ex.InnerException is OperationCanceledException)
        {
            return new Compiled(null, [], [], null, TimedOut: true, stopwatch.Elapsed);
        }
        catch (AggregateException ex)
        {
            return new Compiled(null, [], [], ex.InnerException?.ToString() ?? ex.ToString(), TimedOut: false, stopwatch.Elapsed);
        }

        Interlocked.Increment(ref s_compilationCount);
        Interlocked.Add(ref s_compilationTicks, stopwatch.Elapsed.Ticks);
        (GeneratorDriverRunResult run, ImmutableArray<Diagnostic> driverDiagnostics, ImmutableArray<Diagnostic> compilerDiagnostics) = work.Result;
        string? exception = run.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null)?.ToString();
        ImmutableArray<Diagnostic> generatorDiagnostics = [.. driverDiagnostics.Concat(run.Diagnostics).Distinct()];
        return new Compiled(run, generatorDiagnostics, compilerDiagnostics, exception, stopwatch.Elapsed > CaseTimeLimit * cases.Count, stopwatch.Elapsed);
    }

    /// <summary>
    /// The smallest case, by removing files, entries and list items one at a time, that still fails
    /// the same way with the same C# diagnostic, and without SPEC errors the original did not have
    /// (a removed <c>method:</c> must not stand in for the cause); bounded by <paramref name="deadline"/>.
    /// </summary>
    public static CaseOutcome Shrink(CaseOutcome failing, DateTime deadline)
    {
        HashSet<string> specErrors = SpecErrorIds(failing);
        bool Keeps(CaseOutcome candidate)
            => candidate.Failure == failing.Failure
                && (PrimaryId(candidate) == PrimaryId(failing) || candidate.CompilerDiagnostics.Any(d => d.Id == PrimaryId(failing)))
                && SpecErrorIds(candidate).IsSubsetOf(specErrors);

        CaseOutcome best = failing;
        bool improved = true;
        while (improved && DateTime.UtcNow < deadline)
        {
            improved = false;
            for (int file = 0; file < best.Case.Files.Length && best.Case.Files.Length > 1 && DateTime.UtcNow < deadline; file++)
            {
                if (TryCandidate(best.Case with { Files = best.Case.Files.RemoveAt(file) }, Keeps) is { } smaller)
                {
                    best = smaller;
                    improved = true;
                    file--;
                }
            }

            for (int file = 0; file < best.Case.Files.Length && DateTime.UtcNow < deadline; file++)
            {
                for (int index = 0; best.Case.Files[file].Root is { } root && index < FuzzYaml.CountRemovable(root) && DateTime.UtcNow < deadline; index++)
                {
                    FuzzFile shrunk = FuzzFile.Of(best.Case.Files[file].Path, FuzzYaml.Remove(root, index));
                    if (TryCandidate(best.Case with { Files = best.Case.Files.SetItem(file, shrunk) }, Keeps) is { } smaller)
                    {
                        best = smaller;
                        improved = true;
                        index--;
                    }
                }
            }
        }

        return best;
    }

    private static CaseOutcome? TryCandidate(FuzzCase candidate, Func<CaseOutcome, bool> keeps)
    {
        CaseOutcome outcome = RunOne(candidate);
        return keeps(outcome) ? outcome : null;
    }

    private static HashSet<string> SpecErrorIds(CaseOutcome outcome) => [.. outcome.GeneratorDiagnostics.Where(IsSpecError).Select(d => d.Id)];

    private static string PrimaryId(CaseOutcome outcome)
        => outcome.CompilerDiagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.Id
            ?? outcome.CompilerDiagnostics.FirstOrDefault()?.Id
            ?? outcome.Failure!;

    /// <summary>Everything needed to replay a case and see why it failed: its seed, its files and the diagnostics.</summary>
    /// <param name="outcome">The case and what it came to.</param>
    /// <param name="title">What the seed is to the case shown: its own, or that of a case it was shrunk from.</param>
    /// <param name="maxDiagnostics">How many diagnostics of each kind to show.</param>
    public static string Report(CaseOutcome outcome, string title = "seed ", int maxDiagnostics = 12)
    {
        FuzzCase fuzzCase = outcome.Case;
        var builder = new StringBuilder();
        builder.Append("=== ").Append(title).Append(fuzzCase.Seed.ToString(CultureInfo.InvariantCulture)).Append(": ")
            .Append(outcome.Failure ?? "keeps the rule").Append(" (").Append(fuzzCase.Describe())
            .Append(string.Create(CultureInfo.InvariantCulture, $"; {outcome.Elapsed.TotalSeconds:0.00} s)\n"));
        builder.Append("replay: SPECGEN_FUZZ_SEED=").Append(fuzzCase.Seed.ToString(CultureInfo.InvariantCulture))
            .Append(" dotnet test tests/SpecGen.Tests -c Release --filter \"FullyQualifiedName~Fuzzing.SemanticFuzzTests\"\n");
        foreach (FuzzFile file in fuzzCase.Files)
        {
            builder.Append("--- ").Append(Visible(file.Path)).Append('\n').Append(file.Yaml);
            if (!file.Yaml.EndsWith('\n'))
            {
                builder.Append('\n');
            }
        }

        builder.Append("--- generator diagnostics:\n");
        AppendDiagnostics(builder, outcome.GeneratorDiagnostics, maxDiagnostics);
        builder.Append("--- C# diagnostics:\n");
        AppendDiagnostics(builder, outcome.CompilerDiagnostics, maxDiagnostics);
        if (outcome.Exception is not null)
        {
            builder.Append("--- exception:\n").Append(outcome.Exception).Append('\n');
        }

        return builder.ToString();
    }

    private static void AppendDiagnostics(StringBuilder builder, ImmutableArray<Diagnostic> diagnostics, int max)
    {
        foreach (Diagnostic diagnostic in diagnostics.Take(max))
        {
            builder.Append("  ").Append(Visible(diagnostic.ToString())).Append('\n');
            if (diagnostic.Location.SourceTree is { } tree)
            {
                int line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
                builder.Append("      | ").Append(Visible(tree.GetText().Lines[line].ToString().Trim())).Append('\n');
            }
        }

        if (diagnostics.Length > max)
        {
            builder.Append("  ... and ").Append((diagnostics.Length - max).ToString(CultureInfo.InvariantCulture)).Append(" more\n");
        }
    }

    /// <summary>Text with line breaks, controls and invisible characters shown as escapes, so a report reads as it is.</summary>
    public static string Visible(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }

            UnicodeCategory category = char.GetUnicodeCategory(c);
            bool hidden = category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate;
            builder.Append(hidden ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
        }

        return builder.ToString();
    }
}

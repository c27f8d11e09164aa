using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace SpecGen.Tests.Fuzzing;

/// <summary>
/// A semantic fuzzer: thousands of specs whose names, types, values, texts, URLs, rules, examples
/// and namespaces are odd or wrong in the ways pages and hurried authors make them. Each case must
/// either be reported (a SPEC0xxx error, and no broken C# beside it) or compile without a single
/// error or warning; see <see cref="FuzzRunner"/> for the rule.
/// </summary>
/// <remarks>
/// <para>Environment variables:</para>
/// <para><c>SPECGEN_FUZZ_SEED=n</c> replays the one case of seed n and prints it, pass or fail.</para>
/// <para><c>SPECGEN_FUZZ_CASES=n</c> runs n cases (default 2000) from <c>SPECGEN_FUZZ_FIRST_SEED</c> (default 1).</para>
/// <para><c>SPECGEN_FUZZ_SHRINK_SECONDS=n</c> bounds the time spent shrinking failures (default 120; 0: none).</para>
/// <para><c>SPECGEN_FUZZ_REPORT=path</c> is where every failing case is written (default: fuzz-report.txt beside the tests).</para>
/// <para><c>SPECGEN_FUZZ_BATCH=n</c> puts n cases in one compilation (default 16).</para>
/// </remarks>
public sealed class SemanticFuzzTests(ITestOutputHelper output)
{
    private const int DefaultCases = 2000;

    // Characters of shrunk examples in the assertion message; the report file has them all.
    private const int MessageLimit = 200_000;

    [Fact]
    public void Mutated_specs_give_SPEC_errors_or_compile_cleanly()
    {
        if (Environment.GetEnvironmentVariable("SPECGEN_FUZZ_SEED") is { Length: > 0 } replay)
        {
            Replay(int.Parse(replay, CultureInfo.InvariantCulture));
            return;
        }

        int first = ReadInt("SPECGEN_FUZZ_FIRST_SEED", 1);
        int count = ReadInt("SPECGEN_FUZZ_CASES", DefaultCases);
        var stopwatch = Stopwatch.StartNew();
        FuzzCase[] cases = [.. Enumerable.Range(first, count).Select(SpecFuzzer.Generate)];
        IReadOnlyList<CaseOutcome> outcomes = FuzzRunner.RunAll(cases);
        TimeSpan fuzzing = stopwatch.Elapsed;

        CaseOutcome[] failures = [.. outcomes.Where(o => o.Failed)];
        int withSpecErrors = outcomes.Count(o => o.HasSpecError);
        string statistics = string.Create(
            CultureInfo.InvariantCulture,
            $"{outcomes.Count} cases (seeds {first}..{first + count - 1}, {cases.Count(c => c.Solo)} alone, the rest in batches of {FuzzRunner.BatchSize}): "
            + $"{withSpecErrors} with SPEC errors, {outcomes.Count - withSpecErrors} without, {failures.Length} failed; "
            + $"slowest case {outcomes.Max(o => o.Elapsed).TotalSeconds:0.0} s; fuzzing took {fuzzing.TotalSeconds:0.0} s");
        output.WriteLine(statistics);
        (int compilations, TimeSpan compiling) = FuzzRunner.Compilations;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{compilations} compilations, {compiling.TotalSeconds:0.0} s in all"));
        output.WriteLine("Slowest: " + string.Join(", ", outcomes.OrderByDescending(o => o.Elapsed).Take(8).Select(o => string.Create(CultureInfo.InvariantCulture, $"seed {o.Case.Seed} {o.Elapsed.TotalSeconds:0.00} s"))));
        output.WriteLine("Share with SPEC errors by nastiness: " + string.Join(", ", outcomes.GroupBy(o => o.Case.Nastiness).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}: {g.Count(o => o.HasSpecError)}/{g.Count()}"))));
        output.WriteLine("Cases per SPEC error: " + string.Join(", ", outcomes
            .SelectMany(o => o.GeneratorDiagnostics.Where(FuzzRunner.IsSpecError).Select(d => d.Id).Distinct())
            .GroupBy(id => id).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));

        if (failures.Length > 0)
        {
            Assert.Fail(DescribeFailures(failures, statistics));
        }

        // A fuzzer that (nearly) never reaches one of the two outcomes proves nothing about it.
        if (outcomes.Count >= 200)
        {
            Assert.InRange(withSpecErrors, outcomes.Count / 10, outcomes.Count - (outcomes.Count / 10));
        }
    }

    /// <summary>
    /// The fuzzer mutates meaning, not bytes: every file must be valid YAML that reads back as the
    /// tree the fuzzer built, or the generator would see something other than the intended mutation.
    /// </summary>
    [Fact]
    public void Fuzzed_YAML_reads_back_as_the_fuzzer_built_it()
    {
        int first = ReadInt("SPECGEN_FUZZ_FIRST_SEED", 1);
        int count = ReadInt("SPECGEN_FUZZ_CASES", DefaultCases);
        foreach (FuzzCase fuzzCase in Enumerable.Range(first, count).Select(SpecFuzzer.Generate))
        {
            // Files mutated as text (raw line separators, alias bombs) have no tree: breaking YAML is their point.
            foreach (FuzzFile file in fuzzCase.Files.Where(f => f.Root is not null))
            {
                var stream = new YamlStream();
                try
                {
                    stream.Load(new StringReader(file.Yaml));
                }
                catch (YamlDotNet.Core.YamlException ex)
                {
                    Assert.Fail($"seed {fuzzCase.Seed}, {file.Path}: {ex.Message}\n{file.Yaml}");
                }

                string? difference = Difference(file.Root!, stream.Documents[0].RootNode, "$");
                Assert.True(difference is null, $"seed {fuzzCase.Seed}, {FuzzRunner.Visible(file.Path)}: {difference}\n{file.Yaml}");
            }
        }
    }

    private void Replay(int seed)
    {
        CaseOutcome outcome = FuzzRunner.RunOne(SpecFuzzer.Generate(seed));
        output.WriteLine(FuzzRunner.Report(outcome, maxDiagnostics: 100));
        Assert.False(outcome.Failed, FuzzRunner.Report(outcome));
    }

    private string DescribeFailures(CaseOutcome[] failures, string statistics)
    {
        var summary = new StringBuilder(statistics).Append("\n\nFailure classes (how the rule broke, and the first C# diagnostic):\n");
        IGrouping<string, CaseOutcome>[] classes = [.. failures.GroupBy(f => f.Key).OrderByDescending(g => g.Count())];
        foreach (IGrouping<string, CaseOutcome> group in classes)
        {
            summary.Append(CultureInfo.InvariantCulture, $"  {group.Count(),5} x {FuzzRunner.Visible(group.Key)}; seeds {string.Join(", ", group.Take(12).Select(f => f.Case.Seed))}{(group.Count() > 12 ? ", ..." : string.Empty)}\n");
        }

        // The first case of each class, shrunk within a time budget, so that each class comes with a short spec.
        var examples = new StringBuilder();
        DateTime deadline = DateTime.UtcNow.AddSeconds(ReadInt("SPECGEN_FUZZ_SHRINK_SECONDS", 120));
        foreach (CaseOutcome failure in classes.Select(g => g.First()))
        {
            // Shown as it fails alone, the way its replay runs it.
            CaseOutcome alone = FuzzRunner.RunOne(failure.Case);
            if (!alone.Failed)
            {
                examples.Append('\n').Append(FuzzRunner.Report(failure)).Append("(this case fails only beside the other cases of its batch)\n");
                continue;
            }

            CaseOutcome shrunk = FuzzRunner.Shrink(alone, deadline);
            bool smaller = !ReferenceEquals(shrunk, alone);
            examples.Append('\n').Append(FuzzRunner.Report(shrunk, smaller ? "shrunk from the case of seed " : "seed "));
        }

        string path = Environment.GetEnvironmentVariable("SPECGEN_FUZZ_REPORT") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "fuzz-report.txt");
        File.WriteAllText(path, $"{summary}{examples}\n\nEvery failing case:\n\n{string.Join("\n", failures.Select(f => FuzzRunner.Report(f)))}");
        output.WriteLine(summary.ToString());
        output.WriteLine("Every failing case is in " + path);

        // The message keeps to the classes that CI logs can show; the file has every case in full.
        string shown = examples.Length > MessageLimit ? examples.ToString(0, MessageLimit) + "\n[... cut; the rest is in the file]\n" : examples.ToString();
        return $"{summary}\nEvery failing case, in full: {path}\n{shown}";
    }

    /// <summary>Null when <paramref name="parsed"/> is what <paramref name="built"/> means; else where they differ.</summary>
    private static string? Difference(YNode built, YamlNode parsed, string path)
    {
        switch (built)
        {
            case YScalar scalar:
                string? value = parsed is YamlScalarNode node ? node.Value : null;
                bool same = value == scalar.Text || (scalar.Text.Length == 0 && value is null or "");
                return same ? null : $"{path}: wrote '{FuzzRunner.Visible(scalar.Text)}', read '{FuzzRunner.Visible(value ?? "(not a scalar)")}'";
            case YSeq seq when parsed is YamlSequenceNode items && items.Children.Count == seq.Items.Length:
                return seq.Items.Select((item, i) => Difference(item, items.Children[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
            case YMap map when parsed is YamlMappingNode entries && entries.Children.Count == map.Entries.Length:
                return map.Entries.Select((entry, i) =>
                {
                    KeyValuePair<YamlNode, YamlNode> read = entries.Children.ElementAt(i);
                    return ((YamlScalarNode)read.Key).Value != entry.Key
                        ? $"{path}: wrote key '{FuzzRunner.Visible(entry.Key)}', read '{FuzzRunner.Visible(((YamlScalarNode)read.Key).Value ?? string.Empty)}'"
                        : Difference(entry.Value, read.Value, path + "." + FuzzRunner.Visible(entry.Key));
                }).FirstOrDefault(d => d is not null);
            default:
                return $"{path}: wrote {built.GetType().Name}, read {parsed.GetType().Name}";
        }
    }

    private static int ReadInt(string variable, int fallback)
        => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}

using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/SpecGen.Benchmarks -- --filter '*' --job short --iterationCount 10 --inProcess
// dotnet run -c Release --project tests/SpecGen.Benchmarks -- --cpu   (the same, in CPU time)
// dotnet run -c Release --project tests/SpecGen.Benchmarks -- --steps 100 1000   (the steps an edit reruns)
// dotnet run -c Release --project tests/SpecGen.Benchmarks -- --filter '*CompileBenchmarks*'   (its own job: long compiles)
// dotnet run -c Release --project tests/SpecGen.Benchmarks -- --compile-cpu 100 1000   (the same, in CPU time)
// (docs/benchmarks.md has the results and why these options.)

// YamlDotNet travels beside the generator, outside this app's dependencies: BenchmarkDotNet finds it itself, the modes below need this.
System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += static (context, name)
    => File.Exists(Path.Combine(AppContext.BaseDirectory, name.Name + ".dll")) ? context.LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, name.Name + ".dll")) : null;

if (args is ["--cpu", ..])
{
    SpecGen.Benchmarks.CpuTimeRun.Run(rounds: 10, warmupRounds: 2);
    return 0;
}

if (args is ["--compile-cpu", .. var compileCounts])
{
    SpecGen.Benchmarks.CompileCpuRun.Run(compileCounts.Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)));
    return 0;
}

if (args is ["--steps", .. var counts])
{
    SpecGen.Benchmarks.EditStepsProbe.Run(counts.Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)));
    return 0;
}

// dotnet run -c Release --project tests/SpecGen.Benchmarks -- --cpu-runtime   (the run-time classes in CPU time)
if (args is ["--cpu-runtime", ..])
{
    SpecGen.Benchmarks.RunTimeCpuRun.Run(rounds: 25);
    return 0;
}

// dotnet run -c Release --project tests/SpecGen.Benchmarks -- --cpu-drift   (the drift check's cost in CPU time)
if (args is ["--cpu-drift", ..])
{
    SpecGen.Benchmarks.DriftCheckCpuRun.Run(rounds: 25);
    return 0;
}

Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToArray();

// BenchmarkDotNet reports a benchmark that throws and still exits 0; CI's dry run needs a failing exit.
string[] failed = summaries
    .SelectMany(s => s.Reports.Where(r => !r.Success || r.ExecuteResults.Any(e => !e.IsSuccess)).Select(r => Name(r.BenchmarkCase)))
    .Concat(summaries.Where(s => s.HasCriticalValidationErrors).Select(s => s.Title + ": validation errors"))
    .Concat(summaries.SelectMany(s => s.BenchmarksCases.Where(c => !s.Reports.Any(r => r.BenchmarkCase == c)).Select(c => Name(c) + ": no report")))
    .ToArray();
bool ranNothing = summaries.Length == 0 || summaries.All(s => s.Reports.IsEmpty);
if (failed.Length > 0 || (ranNothing && args.Length > 0 && !args.Contains("--list")))
{
    Console.Error.WriteLine(ranNothing ? "No benchmark ran." : "Benchmarks failed:");
    foreach (string name in failed)
    {
        Console.Error.WriteLine("  " + name);
    }

    return 1;
}

return 0;

static string Name(BenchmarkDotNet.Running.BenchmarkCase benchmark)
    => $"{benchmark.Descriptor.DisplayInfo} {benchmark.Parameters.DisplayInfo}".TrimEnd();

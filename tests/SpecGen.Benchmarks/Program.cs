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
    return;
}

if (args is ["--compile-cpu", .. var compileCounts])
{
    SpecGen.Benchmarks.CompileCpuRun.Run(compileCounts.Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

if (args is ["--steps", .. var counts])
{
    SpecGen.Benchmarks.EditStepsProbe.Run(counts.Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

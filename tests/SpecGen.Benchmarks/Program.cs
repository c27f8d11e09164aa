using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/SpecGen.Benchmarks -- --filter '*' --job short --iterationCount 10 --inProcess
// dotnet run -c Release --project tests/SpecGen.Benchmarks -- --cpu   (the same, in CPU time)
// dotnet run -c Release --project tests/SpecGen.Benchmarks -- --steps 100 1000   (the steps an edit reruns)
// (docs/benchmarks.md has the results and why these options.)
if (args is ["--cpu", ..])
{
    SpecGen.Benchmarks.CpuTimeRun.Run(rounds: 10, warmupRounds: 2);
    return;
}

if (args is ["--steps", .. var counts])
{
    SpecGen.Benchmarks.EditStepsProbe.Run(counts.Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

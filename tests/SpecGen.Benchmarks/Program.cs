using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/SpecGen.Benchmarks -- --filter '*' --job short --iterationCount 10 --inProcess
// dotnet run -c Release --project tests/SpecGen.Benchmarks -- --cpu   (the same, in CPU time)
// (docs/benchmarks.md has the results and why these options.)
if (args is ["--cpu", ..])
{
    SpecGen.Benchmarks.CpuTimeRun.Run(rounds: 10, warmupRounds: 2);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

using System.Diagnostics;
using System.Text;
using Xunit.Sdk;

namespace SpecGen.PackageTests.Infrastructure;

/// <summary>What one <c>dotnet</c> process did: its command line, exit code and all it printed.</summary>
public sealed record ProcessResult(string WorkingDirectory, string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The lines of the output, without MSBuild's trailing summary of repeated warnings and errors.</summary>
    public IEnumerable<string> Lines => Output.Split('\n').Select(line => line.TrimEnd('\r'));

    /// <summary>The whole process output: what every failed assertion prints, so a failure explains itself.</summary>
    public override string ToString()
        => $"$ {CommandLine}{Environment.NewLine}  in {WorkingDirectory}{Environment.NewLine}  exit code {ExitCode} after {Elapsed.TotalSeconds:F1} s; output:{Environment.NewLine}{Output}";

    public ProcessResult ShouldSucceed()
    {
        if (!Succeeded)
        {
            throw new XunitException($"The command failed.{Environment.NewLine}{this}");
        }

        return this;
    }

    public ProcessResult ShouldFail()
    {
        if (Succeeded)
        {
            throw new XunitException($"The command was expected to fail but succeeded.{Environment.NewLine}{this}");
        }

        return this;
    }

    /// <summary>Asserts that <paramref name="condition"/> holds, printing the process output when it does not.</summary>
    public void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new XunitException($"{what}{Environment.NewLine}{this}");
        }
    }
}

/// <summary>Runs the real <c>dotnet</c> CLI (or an installed tool), as a user would, with the output captured.</summary>
public static class DotNet
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The variables that <c>dotnet test</c> leaves in the test host's environment point the CLI at its own
    /// MSBuild; a consumer build must start from the machine's plain environment instead.
    /// </summary>
    private static readonly string[] InheritedVariablesToDrop =
    [
        "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly",
        "MSBUILDNOINPROCNODE", "_MSBUILDTLENABLED", "DOTNET_HOST_PATH", "VSTEST_HOST_DEBUG", "VSTEST_RUNNER_DEBUG",
    ];

    public static Task<ProcessResult> RunAsync(string workingDirectory, params string[] arguments)
        => RunAsync(workingDirectory, DefaultTimeout, arguments);

    public static Task<ProcessResult> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
        => RunProgramAsync("dotnet", workingDirectory, timeout, arguments);

    /// <summary>Runs another program the same way: an installed tool's executable, with the same clean environment.</summary>
    public static Task<ProcessResult> RunProgramAsync(string program, string workingDirectory, params string[] arguments)
        => RunProgramAsync(program, workingDirectory, DefaultTimeout, arguments);

    public static Task<ProcessResult> RunProgramAsync(string program, string workingDirectory, TimeSpan timeout, params string[] arguments)
        => RunProgramAsync(program, workingDirectory, timeout, new Dictionary<string, string?>(), arguments);

    /// <summary>Runs a program with <paramref name="environment"/> over the clean environment (a null value removes the variable).</summary>
    public static async Task<ProcessResult> RunProgramAsync(
        string program, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string variable in InheritedVariablesToDrop)
        {
            start.Environment.Remove(variable);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        // Kiota (KiotaRoundTripTests): no update check, no telemetry, no hints after a command, no colour codes.
        start.Environment["KIOTA_OFFLINE_ENABLED"] = "true";
        start.Environment["KIOTA_CLI_TELEMETRY_OPTOUT"] = "true";
        start.Environment["KIOTA_TUTORIAL_ENABLED"] = "false";
        start.Environment["KIOTA_CONSOLE_COLORS_ENABLED"] = "false";
        // Worker nodes that outlive the build would keep this process's output pipes open.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach ((string variable, string? value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(variable);
            }
            else
            {
                start.Environment[variable] = value;
            }
        }

        var output = new StringBuilder();
        var outputLock = new object();
        void Append(string? line)
        {
            if (line is not null)
            {
                lock (outputLock)
                {
                    output.AppendLine(line);
                }
            }
        }

        string commandLine = program + " " + string.Join(' ', arguments.Select(a => a.Contains(' ') ? $"\"{a}\"" : a));
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var stdoutDone = new TaskCompletionSource();
        var stderrDone = new TaskCompletionSource();
        var exited = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) => { if (e.Data is null) { stdoutDone.TrySetResult(); } else { Append(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is null) { stderrDone.TrySetResult(); } else { Append(e.Data); } };
        process.Exited += (_, _) => exited.TrySetResult();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Process.WaitForExitAsync would also wait for the end of the output, which a surviving child can delay.
        if (await Task.WhenAny(exited.Task, Task.Delay(timeout)) != exited.Task)
        {
            process.Kill(entireProcessTree: true);
            await Task.WhenAny(exited.Task, Task.Delay(TimeSpan.FromSeconds(30)));
            Append($"[killed after {timeout.TotalMinutes:F0} minutes]");
        }

        // A child that outlives the command (a compiler server) may hold the pipes: wait for them briefly only.
        await Task.WhenAny(Task.WhenAll(stdoutDone.Task, stderrDone.Task), Task.Delay(TimeSpan.FromSeconds(10)));
        stopwatch.Stop();

        string text;
        lock (outputLock)
        {
            text = output.ToString();
        }

        int exitCode = process.HasExited ? process.ExitCode : -1;
        return new ProcessResult(workingDirectory, commandLine, exitCode, text, stopwatch.Elapsed);
    }
}

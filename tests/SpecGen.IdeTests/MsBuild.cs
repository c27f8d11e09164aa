using System.Diagnostics;
using System.Reflection;
using Microsoft.Build.Locator;

namespace SpecGen.IdeTests;

/// <summary>Finds the SDK's MSBuild once per process, before any code that loads MSBuild types runs.</summary>
internal static class MsBuild
{
    private static readonly Lazy<VisualStudioInstance> Instance = new(() => MSBuildLocator.IsRegistered
        ? MSBuildLocator.QueryVisualStudioInstances().First()
        : MSBuildLocator.RegisterDefaults());

    public static void EnsureRegistered() => _ = Instance.Value;

    /// <summary>The configuration this test assembly was built in, so the fixture finds the generator built beside it.</summary>
    public static string Configuration
        => typeof(MsBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>
    /// Restores <paramref name="project"/> as an IDE does on opening it; design-time builds need
    /// project.assets.json and do not restore on their own.
    /// </summary>
    public static async Task RestoreAsync(string project)
    {
        var start = new ProcessStartInfo("dotnet", ["restore", project, "-p:Configuration=" + Configuration, "-nologo", "-v:q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, "dotnet restore failed:\n" + await output + await error);
    }
}

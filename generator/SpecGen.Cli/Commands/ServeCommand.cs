extern alias testing;

using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using SpecGen.Cli.Hosting;
using testing::SpecGen.Testing;

namespace SpecGen.Cli.Commands;

/// <summary>
/// <c>specgen serve [DIR] [--port N]</c>: the generated fake server of every service under DIR, on
/// loopback, until Ctrl+C. Service i (in namespace order) listens on port N+i, or on a free port
/// without <c>--port</c>; each address is printed, then each violation as it is recorded.
/// </summary>
internal static class ServeCommand
{
    private static readonly Dictionary<string, string> ValueOptions = new(StringComparer.Ordinal)
    {
        ["--port"] = "--port",
        ["-p"] = "--port",
    };

    public static int Run(IEnumerable<string> args, CommandContext context)
    {
        Arguments parsed = Arguments.Parse(args, ValueOptions, [], out string? error);
        if (error is not null)
        {
            return context.UsageError(error);
        }

        if (parsed.Positional.Count > 1)
        {
            return context.UsageError("serve takes one spec folder");
        }

        int port = 0;
        if (parsed.Option("--port") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535))
        {
            return context.UsageError($"--port takes a port number, not '{text}'");
        }

        string root = parsed.Positional.Count == 1 ? context.FullPath(parsed.Positional[0]) : CheckCommand.DefaultFolder(context);
        if (!Directory.Exists(root))
        {
            return context.Fail($"'{root}' is not a folder");
        }

        IReadOnlyList<FakeCompiler.Fake> fakes = FakeCompiler.Build(root, out IReadOnlyList<Diagnostic> errors);
        if (errors.Count > 0)
        {
            foreach (Diagnostic diagnostic in errors)
            {
                context.Error.WriteLine(DiagnosticOutput.ToText(diagnostic, context.CurrentDirectory));
            }

            return context.Fail("the specs have errors (above); nothing is served");
        }

        if (fakes.Count == 0)
        {
            return context.Fail($"no service under '{root}'");
        }

        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // Ctrl+C stops the servers and lets the command return, instead of killing the process.
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, s =>
        {
            s.Cancel = true;
            stop.Cancel();
        });
        try
        {
            return ServeAsync(fakes, port, context, stop.Token).GetAwaiter().GetResult();
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> ServeAsync(IReadOnlyList<FakeCompiler.Fake> fakes, int port, CommandContext context, CancellationToken stop)
    {
        object output = new();
        try
        {
            for (int i = 0; i < fakes.Count; i++)
            {
                FakeCompiler.Fake fake = fakes[i];
                fake.Server.ViolationRecorded += violation =>
                {
                    lock (output)
                    {
                        context.Out.WriteLine($"violation: {violation}");
                        context.Out.Flush();
                    }
                };
                await fake.Server.StartOnPortAsync(port == 0 ? 0 : port + i, stop).ConfigureAwait(false);
                lock (output)
                {
                    context.Out.WriteLine($"{fake.Name}: {fake.Server.BaseAddress} ({string.Join(", ", fake.Server.Routes.Select(r => $"{r.Method} {r.UrlTemplate}"))})");
                }
            }

            lock (output)
            {
                context.Out.WriteLine("Serving; press Ctrl+C to stop.");
                context.Out.Flush();
            }

            await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            context.Out.WriteLine("Stopped.");
            return SpecGenCommand.Success;
        }
        catch (IOException ex)
        {
            // A port in use, typically.
            return context.Fail(ex.Message);
        }
        finally
        {
            foreach (FakeCompiler.Fake fake in fakes)
            {
                await fake.Server.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace SpecGen.Tests.Caching;

/// <summary>
/// A real redis-server (Debian's package) that a test starts on a free loopback port and stops
/// itself, so a test can also take it away mid-run. Where redis-server is not installed, a
/// developer's run skips the test with the reason; under <c>CI=true</c> that is a failure, since
/// .ci/run installs it.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>
    /// Connection options: short timeouts where a test takes the server away (a lost server must show
    /// within a second), generous ones elsewhere, since a loaded machine may take longer to connect.
    /// </summary>
    public ConfigurationOptions Configuration(bool shortTimeouts = false)
    {
        int timeout = shortTimeouts ? 1000 : 10_000;
        var options = new ConfigurationOptions { AbortOnConnectFail = false, ConnectTimeout = timeout, AsyncTimeout = timeout, SyncTimeout = timeout, ConnectRetry = 1 };
        options.EndPoints.Add(IPAddress.Loopback, Port);
        return options;
    }

    public static async Task<RedisServer> StartAsync()
    {
        string? executable = Find();
        if (executable is null)
        {
            const string Missing = "redis-server is not installed, so the distributed token cache tests cannot run: install it (apt-get install redis-server).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(Missing + " Under CI=true this is a failure: .ci/run installs it.");
            }

            Skip.If(true, Missing + " Skipped outside CI.");
        }

        int port = FreePort();
        var start = new ProcessStartInfo(executable!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--daemonize", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, port);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(20) && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Takes the server away, as a crash or a network cut does.</summary>
    public void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string? Find()
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        return (path ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/local/bin").Append("/usr/sbin")
            .Select(d => Path.Combine(d, "redis-server"))
            .FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Net;
using System.Text;
using System.Threading.Channels;

namespace SpecGen.Tests.Cli;

/// <summary>
/// <c>specgen serve</c> as a real process: the built tool compiles the fakes of the shipped specs,
/// prints each address, answers over HTTP, prints each violation and stops cleanly on SIGINT (Ctrl+C).
/// </summary>
public sealed class ServeCommandTests
{
    // A guard against a hung process, not a timing assertion.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Serve_prints_addresses_answers_prints_violations_and_stops_on_ctrl_c()
    {
        string tool = Path.Combine(AppContext.BaseDirectory, "specgen.dll");
        string specs = Path.Combine(AppContext.BaseDirectory, "TestData", "spec");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { tool, "serve", specs, "--port", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        Channel<string> lines = Channel.CreateUnbounded<string>();
        var errors = new StringBuilder();
        using Process process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lines.Writer.TryWrite(line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var printed = new List<string>();
            using var patience = new CancellationTokenSource(Patience);
            string line;
            do
            {
                line = await lines.Reader.ReadAsync(patience.Token);
                printed.Add(line);
            }
            while (!line.StartsWith("Serving", StringComparison.Ordinal));

            string chatbot = printed.Single(l => l.StartsWith("CecChatbotFake: ", StringComparison.Ordinal));
            var address = new Uri(chatbot["CecChatbotFake: ".Length..chatbot.IndexOf(' ', "CecChatbotFake: ".Length)]);
            Assert.Equal(IPAddress.Loopback.ToString(), address.Host);
            Assert.Contains(printed, l => l.StartsWith("CecIsalesFake: http://127.0.0.1:", StringComparison.Ordinal));

            using var http = new HttpClient { BaseAddress = address };
            using HttpResponseMessage token = await http.PostAsync("oifde/rest/api/gettoken", Json("""{ "appKey": "a", "appSecret": "b" }"""));
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
            Assert.Contains("\"authToken\"", await token.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using HttpResponseMessage broken = await http.PostAsync("oifde/rest/api/gettoken", Json("""{ "appKey": "a" }"""));
            Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
            string violation = await lines.Reader.ReadAsync(patience.Token);
            Assert.Equal("violation: GetToken: appSecret: [mandatory] 'appSecret' is mandatory.", violation);

            Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            await process.WaitForExitAsync(patience.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.Equal("Stopped.", await lines.Reader.ReadAsync(patience.Token));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        lock (errors)
        {
            Assert.True(string.IsNullOrWhiteSpace(errors.ToString()), errors.ToString());
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}

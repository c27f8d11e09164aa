using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SpecGen.Testing;

/// <summary>
/// A fake server for the interfaces of one service, on loopback HTTP. Each request is routed by
/// method and URL template, read into the generated request type and validated against the
/// spec; a valid one gets the answer a test set up, or else the spec's example response, and an
/// invalid one gets HTTP 400 with the service's error envelope. Generated
/// <c>{Service}Fake.Create()</c> methods map every interface of a spec folder.
/// </summary>
public sealed class SpecFakeServer : IAsyncDisposable
{
    /// <summary>The envelope code of an answer to a request that breaks its spec.</summary>
    public const int InvalidRequestCode = 400;

    private readonly List<SpecFakeRoute> _routes = [];
    private const int WriteChunkSize = 16 * 1024;

    private static readonly TimeSpan DropGrace = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<string, Func<SpecFakeRequest, SpecFakeAnswer>> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SpecFakeRequest> _requests = new();
    private WebApplication? _app;

    /// <summary>Creates a server that answers failures with <paramref name="envelope"/>'s fields.</summary>
    public SpecFakeServer(SpecEnvelope? envelope = null) => Envelope = envelope;

    /// <summary>The success convention of the service, used to shape error answers.</summary>
    public SpecEnvelope? Envelope { get; }

    /// <summary>The address to give the client, once started.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<SpecFakeRequest> Requests => _requests.ToArray();

    /// <summary>The interfaces served.</summary>
    public IReadOnlyList<SpecFakeRoute> Routes => _routes;

    /// <summary>The service's token flow, when its spec declares one: the token interface issues tokens, and calls without a valid one are refused.</summary>
    public SpecFakeTokens? Tokens { get; private set; }

    /// <summary>Serves the token flow <paramref name="tokens"/>; generated <c>Create()</c> calls it when service.yaml has <c>token:</c>.</summary>
    public SpecFakeServer UseTokens(SpecFakeTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        Tokens = tokens;
        return this;
    }

    /// <summary>Serves one more interface.</summary>
    public SpecFakeServer Map(SpecFakeRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        _routes.Add(route);
        return this;
    }

    /// <summary>Answers <paramref name="interfaceName"/> with <paramref name="answer"/> from now on.</summary>
    /// <exception cref="ArgumentException">No mapped interface has that name: a typo would otherwise go unnoticed.</exception>
    public SpecFakeServer Answer(string interfaceName, SpecFakeAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return AnswerWith(interfaceName, _ => answer);
    }

    /// <summary>
    /// Answers each request to <paramref name="interfaceName"/> with what <paramref name="answer"/>
    /// makes of it, from now on: say, a fault for some requests and the example for the rest.
    /// It runs on the server's threads, several at a time; an exception in it answers HTTP 500.
    /// </summary>
    /// <exception cref="ArgumentException">No mapped interface has that name: a typo would otherwise go unnoticed.</exception>
    public SpecFakeServer AnswerWith(string interfaceName, Func<SpecFakeRequest, SpecFakeAnswer> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!_routes.Any(r => r.InterfaceName == interfaceName))
        {
            throw new ArgumentException($"No interface named '{interfaceName}' is mapped; known: {string.Join(", ", _routes.Select(r => r.InterfaceName))}.", nameof(interfaceName));
        }

        _answers[interfaceName] = answer;
        return this;
    }

    /// <summary>Answers <paramref name="interfaceName"/> with this JSON and status from now on.</summary>
    public SpecFakeServer Answer(string interfaceName, string json, int status = 200)
        => Answer(interfaceName, new SpecFakeAnswer(status, json));

    /// <summary>Forgets the requests received so far, as a long-running test must: <see cref="Requests"/> keeps every one.</summary>
    public void ClearRequests() => _requests.Clear();

    /// <summary>Goes back to the spec's example responses.</summary>
    public void ResetAnswers() => _answers.Clear();

    /// <summary>Starts listening on a free loopback port.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        _app = app;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        HttpRequest http = context.Request;
        string[] segments = (http.Path.Value ?? string.Empty).Trim('/').Split('/');
        var pathValues = new Dictionary<string, string>(StringComparer.Ordinal);
        SpecFakeRoute? route = _routes.FirstOrDefault(r => r.TryMatch(http.Method, segments, pathValues));
        if (route is null)
        {
            await WriteAsync(context.Response, 404, Error(404, $"No interface serves {http.Method} {http.Path}.")).ConfigureAwait(false);
            return;
        }

        using var buffer = new MemoryStream();
        await http.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var request = new SpecFakeRequest(
            route.InterfaceName,
            http.Method,
            RawPath(context),
            pathValues,
            http.Query.ToDictionary(q => q.Key, q => q.Value.Select(v => v ?? string.Empty).ToArray(), StringComparer.Ordinal),
            http.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            buffer.ToArray());
        _requests.Enqueue(request);

        // A token the fake did not issue, or that expired, is refused before anything else, as servers do.
        SpecFakeTokens? tokens = Tokens;
        bool answerSetUp = _answers.ContainsKey(route.InterfaceName);
        if (tokens is not null && route.CarriesToken && tokens.Enforce && !answerSetUp && !tokens.IsValid(tokens.TokenOf(request)))
        {
            await WriteAsync(context.Response, tokens.RejectionStatus, Error(tokens.RejectionCode, "The token is missing, unknown or expired.")).ConfigureAwait(false);
            return;
        }

        string? problem = Check(route, request);
        if (problem is not null)
        {
            await WriteAsync(context.Response, 400, Error(InvalidRequestCode, problem)).ConfigureAwait(false);
            return;
        }

        if (tokens is not null && route.InterfaceName == tokens.TokenInterface && !answerSetUp)
        {
            if (!tokens.CredentialsMatch(request))
            {
                await WriteAsync(context.Response, tokens.RejectionStatus, Error(tokens.RejectionCode, "The credentials are not valid.")).ConfigureAwait(false);
                return;
            }

            await WriteAsync(context.Response, 200, tokens.IssueAnswer(Envelope)).ConfigureAwait(false);
            return;
        }

        SpecFakeAnswer answer = _answers.TryGetValue(route.InterfaceName, out Func<SpecFakeRequest, SpecFakeAnswer>? setUp)
            ? setUp(request)
            : new SpecFakeAnswer(route.ExampleResponse is null ? 501 : 200, route.ExampleResponse ?? Error(501, $"The spec of {route.InterfaceName} has no example response and the test set up none."));
        try
        {
            await WriteAsync(context, answer).ConfigureAwait(false);
        }
        catch (Exception ex) when (context.RequestAborted.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            // The client left, as a client that timed out or refused a long body does: nothing to answer.
        }
    }

    // The path as it came over the wire, still escaped (HttpRequest.Path has it decoded).
    private static string RawPath(HttpContext context)
    {
        string target = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? string.Empty;
        int query = target.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? target : target[..query];
    }

    private static string? Check(SpecFakeRoute route, SpecFakeRequest request)
    {
        try
        {
            ValidationResult validation = route.Validate(request);
            return validation.IsValid ? null : "The request breaks its spec: " + string.Join("; ", validation.Errors.Select(e => e.ToString()));
        }
        catch (JsonException ex)
        {
            return "The request body is not JSON of the spec's shape: " + ex.Message;
        }
    }

    private string Error(int code, string message) => Error(code.ToString(System.Globalization.CultureInfo.InvariantCulture), message);

    private string Error(string code, string message)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (long.TryParse(code, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long number))
            {
                writer.WriteNumber(Envelope?.CodeField ?? "code", number);
            }
            else
            {
                writer.WriteString(Envelope?.CodeField ?? "code", code);
            }

            writer.WriteString(Envelope?.MessageField ?? "message", message);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static async Task WriteAsync(HttpResponse response, int status, string? body)
    {
        response.StatusCode = status;
        if (body is not null)
        {
            response.ContentType = "application/json; charset=utf-8";
            await response.WriteAsync(body, Encoding.UTF8).ConfigureAwait(false);
        }
    }

    private static async Task WriteAsync(HttpContext context, SpecFakeAnswer answer)
    {
        CancellationToken aborted = context.RequestAborted;
        HttpResponse response = context.Response;
        if (answer.Delay > TimeSpan.Zero && answer.Fault != SpecFakeFault.StalledMidBody)
        {
            await Task.Delay(answer.Delay, aborted).ConfigureAwait(false);
        }

        response.StatusCode = answer.Status;
        if (!answer.HasBody)
        {
            return;
        }

        response.ContentType = "application/json; charset=utf-8";
        ReadOnlyMemory<byte> body = answer.Bytes;
        if (answer.PaddedLength is long padded)
        {
            await WritePaddedAsync(response, body, padded, answer.DeclaresLength, aborted).ConfigureAwait(false);
            return;
        }

        ReadOnlyMemory<byte> firstHalf = body[..(body.Length / 2)];
        switch (answer.Fault)
        {
            case SpecFakeFault.TruncatedBody:
                response.ContentLength = firstHalf.Length;
                await response.Body.WriteAsync(firstHalf, aborted).ConfigureAwait(false);
                break;
            case SpecFakeFault.DroppedMidBody:
                response.ContentLength = body.Length;
                await response.Body.WriteAsync(firstHalf, aborted).ConfigureAwait(false);
                await response.Body.FlushAsync(aborted).ConfigureAwait(false);

                // Abort discards what Kestrel has not sent yet, status line included: let the half leave first.
                await Task.Delay(DropGrace, aborted).ConfigureAwait(false);
                context.Abort();
                break;
            case SpecFakeFault.StalledMidBody:
                response.ContentLength = body.Length;
                await response.Body.WriteAsync(firstHalf, aborted).ConfigureAwait(false);
                await response.Body.FlushAsync(aborted).ConfigureAwait(false);
                await Task.Delay(answer.Delay, aborted).ConfigureAwait(false);
                await response.Body.WriteAsync(body[firstHalf.Length..], aborted).ConfigureAwait(false);
                break;
            default:
                response.ContentLength = body.Length;
                await response.Body.WriteAsync(body, aborted).ConfigureAwait(false);
                break;
        }
    }

    private static async Task WritePaddedAsync(HttpResponse response, ReadOnlyMemory<byte> json, long length, bool declareLength, CancellationToken aborted)
    {
        if (declareLength)
        {
            response.ContentLength = length;
        }

        await response.Body.WriteAsync(json, aborted).ConfigureAwait(false);
        byte[] spaces = new byte[WriteChunkSize];
        spaces.AsSpan().Fill((byte)' ');
        for (long left = length - json.Length; left > 0; left -= WriteChunkSize)
        {
            // Kestrel may let writes to a connection the client dropped succeed, and this body can be endless.
            aborted.ThrowIfCancellationRequested();
            await response.Body.WriteAsync(spaces.AsMemory(0, (int)Math.Min(left, WriteChunkSize)), aborted).ConfigureAwait(false);
        }
    }
}

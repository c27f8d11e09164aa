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
public sealed partial class SpecFakeServer : IAsyncDisposable
{
    /// <summary>The envelope code of an answer to a request that breaks its spec.</summary>
    public const int InvalidRequestCode = 400;

    private readonly List<SpecFakeRoute> _routes = [];
    private const string JsonCode = "json";
    private const int WriteChunkSize = 16 * 1024;

    private static readonly TimeSpan DropGrace = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<string, Func<SpecFakeRequest, SpecFakeAnswer>> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SpecFakeRequest> _requests = new();
    private readonly ConcurrentQueue<SpecViolation> _violations = new();
    private readonly ConcurrentDictionary<string, bool> _unchecked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SpecFakeScenario> _scenarios = new(StringComparer.Ordinal);
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

    /// <summary>The service's session, when its spec declares one: the sign-in opens sessions, and calls without a valid one are refused.</summary>
    public SpecFakeSessions? Sessions { get; private set; }

    /// <summary>Serves the session <paramref name="sessions"/>; generated <c>Create()</c> calls it when service.yaml has <c>session:</c>.</summary>
    public SpecFakeServer UseSessions(SpecFakeSessions sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        Sessions = sessions;
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
        RequireMapped(interfaceName);
        _answers[interfaceName] = answer;
        return this;
    }

    private void RequireMapped(string interfaceName)
    {
        if (!_routes.Any(r => r.InterfaceName == interfaceName))
        {
            throw new ArgumentException($"No interface named '{interfaceName}' is mapped; known: {string.Join(", ", _routes.Select(r => r.InterfaceName))}.", nameof(interfaceName));
        }
    }

    private SpecFakeScenario Scenario(string interfaceName) => _scenarios.GetOrAdd(interfaceName, static _ => new SpecFakeScenario());

    /// <summary>Answers <paramref name="interfaceName"/> with this JSON and status from now on.</summary>
    public SpecFakeServer Answer(string interfaceName, string json, int status = 200)
        => Answer(interfaceName, new SpecFakeAnswer(status, json));

    /// <summary>
    /// Every way in which the requests received broke their spec, in the order they arrived (contract
    /// mode). A violating request is also answered as a bad request; a valid one records nothing.
    /// </summary>
    public IReadOnlyList<SpecViolation> Violations => _violations.ToArray();

    /// <summary>
    /// Raised for each violation as it is recorded, on the server's threads, several at a time:
    /// <c>specgen serve</c> prints them.
    /// </summary>
    public event Action<SpecViolation>? ViolationRecorded;

    /// <summary>Throws, listing every violation, when any request broke its spec; made for a test's last line.</summary>
    /// <exception cref="SpecViolationException">At least one violation was recorded.</exception>
    public void AssertNoViolations()
    {
        SpecViolation[] violations = _violations.ToArray();
        if (violations.Length > 0)
        {
            throw new SpecViolationException(violations);
        }
    }

    /// <summary>Forgets the violations recorded so far.</summary>
    public void ClearViolations() => _violations.Clear();

    /// <summary>
    /// Turns the checks of <paramref name="interfaceName"/>'s requests on (the default) or off: with
    /// them off, its requests are answered whatever they hold and record no violation, as a test of
    /// the server's side of a broken request needs.
    /// </summary>
    /// <exception cref="ArgumentException">No mapped interface has that name.</exception>
    public SpecFakeServer CheckRequests(string interfaceName, bool enabled = true)
    {
        RequireMapped(interfaceName);
        if (enabled)
        {
            _unchecked.TryRemove(interfaceName, out _);
        }
        else
        {
            _unchecked[interfaceName] = true;
        }

        return this;
    }

    /// <summary>
    /// Answers the next <paramref name="count"/> calls to <paramref name="interfaceName"/> with
    /// <paramref name="fault"/> over the answer they would have had, then goes back to it.
    /// </summary>
    /// <exception cref="ArgumentException">No mapped interface has that name.</exception>
    public SpecFakeServer FailNext(string interfaceName, int count, SpecFakeFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        RequireMapped(interfaceName);
        Scenario(interfaceName).FailNext(count, fault, status: null);
        return this;
    }

    /// <summary>
    /// Answers the next <paramref name="count"/> calls to <paramref name="interfaceName"/> with HTTP
    /// <paramref name="status"/> and the service's error envelope, then goes back to the answer before.
    /// </summary>
    /// <exception cref="ArgumentException">No mapped interface has that name.</exception>
    public SpecFakeServer FailNext(string interfaceName, int count, int status)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        RequireMapped(interfaceName);
        Scenario(interfaceName).FailNext(count, SpecFakeFault.None, status);
        return this;
    }

    /// <summary>Delays every answer of <paramref name="interfaceName"/> by <paramref name="delay"/> from now on; zero ends it.</summary>
    /// <exception cref="ArgumentException">No mapped interface has that name.</exception>
    public SpecFakeServer Delay(string interfaceName, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        RequireMapped(interfaceName);
        Scenario(interfaceName).Delay = delay;
        return this;
    }

    /// <summary>
    /// Answers <paramref name="interfaceName"/> with the service's error envelope from now on: its
    /// code field set to <paramref name="code"/> (a number when it reads as one), its message field to
    /// <paramref name="message"/>, with HTTP <paramref name="status"/>.
    /// </summary>
    /// <exception cref="ArgumentException">No mapped interface has that name.</exception>
    public SpecFakeServer AnswerError(string interfaceName, string code, string message = "Error answered by the fake.", int status = 200)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(message);
        return Answer(interfaceName, new SpecFakeAnswer(status, Error(code, message)));
    }

    /// <summary>Forgets the requests received so far, as a long-running test must: <see cref="Requests"/> keeps every one.</summary>
    public void ClearRequests() => _requests.Clear();

    /// <summary>Goes back to the spec's example responses: set answers, pending failures and delays are forgotten.</summary>
    public void ResetAnswers()
    {
        _answers.Clear();
        _scenarios.Clear();
    }

    /// <summary>Starts listening on a free loopback port.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => StartOnPortAsync(0, cancellationToken);

    /// <summary>Starts listening on loopback port <paramref name="port"/>; 0 takes a free one.</summary>
    public async Task StartOnPortAsync(int port, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
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
            await AnswerUnroutedAsync(context, segments).ConfigureAwait(false);
            return;
        }

        using var buffer = new MemoryStream();
        await http.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        (Dictionary<string, string> Fields, Dictionary<string, SpecFakeFormFile> Files)? form = await SpecFakeForm.ReadAsync(http.ContentType, buffer, context.RequestAborted).ConfigureAwait(false);
        var request = new SpecFakeRequest(
            route.InterfaceName,
            http.Method,
            RawPath(context),
            pathValues,
            http.Query.ToDictionary(q => q.Key, q => q.Value.Select(v => v ?? string.Empty).ToArray(), StringComparer.Ordinal),
            http.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            buffer.ToArray(),
            form?.Fields,
            form?.Files);
        _requests.Enqueue(request);

        bool checks = !_unchecked.ContainsKey(route.InterfaceName);
        List<SpecViolation> violations = checks ? Check(route, request) : [];
        foreach (SpecViolation violation in violations)
        {
            Record(violation);
        }

        // A token the fake did not issue, or that expired, is refused before anything else, as servers
        // do; a body that cannot be read at all has no token to look at, and is a bad request.
        SpecFakeTokens? tokens = Tokens;
        bool answerSetUp = _answers.ContainsKey(route.InterfaceName);
        bool unreadable = violations.Exists(v => v.Code == JsonCode);
        if (checks && !unreadable && tokens is not null && route.CarriesToken && tokens.Enforce && !answerSetUp && !tokens.IsValid(tokens.TokenOf(request)))
        {
            await WriteAsync(context.Response, tokens.RejectionStatus, Error(tokens.RejectionCode, "The token is missing, unknown or expired.")).ConfigureAwait(false);
            return;
        }

        if (checks && !unreadable && !answerSetUp && RefusalOfChainOrSignature(route, request) is { } refusal)
        {
            await WriteAsync(context.Response, refusal.Status, Error(refusal.Code, refusal.Message)).ConfigureAwait(false);
            return;
        }

        // A session, likewise: missing, unknown, signed out or stale is refused as the gateway refuses it.
        SpecFakeSessions? sessions = Sessions;
        if (checks && !unreadable && sessions is not null && sessions.Enforce && !answerSetUp && sessions.Carries(route) && sessions.Refusal(request) is { } sessionRefusal)
        {
            if (sessionRefusal.Violation is { } violation)
            {
                Record(violation);
            }

            await WriteAsync(context.Response, sessions.RejectionStatus, Error(sessions.RejectionCode, sessionRefusal.Message)).ConfigureAwait(false);
            return;
        }

        if (violations.Count > 0)
        {
            string problem = "The request breaks its spec: " + string.Join("; ", violations.Select(v => v.Path.Length == 0 ? $"[{v.Code}] {v.Message}" : $"{v.Path}: [{v.Code}] {v.Message}"));
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

            if (_scenarios.TryGetValue(route.InterfaceName, out SpecFakeScenario? tokenScenario))
            {
                // A token interface that fails or stalls as the test set up: its waiting callers share that.
                SpecFakeAnswer issued = tokenScenario.Apply(new SpecFakeAnswer(200, tokens.IssueAnswer(Envelope, request)), status => Error(status, $"Failure set up by the test for {route.InterfaceName}."));
                await WriteAsync(context, issued).ConfigureAwait(false);
                return;
            }

            await WriteAsync(context.Response, 200, tokens.IssueAnswer(Envelope, request)).ConfigureAwait(false);
            return;
        }

        if (sessions is not null && !sessions.Carries(route) && !answerSetUp && !sessions.CredentialsMatch(request))
        {
            await WriteAsync(context.Response, sessions.RejectionStatus, Error(sessions.RejectionCode, "The credentials are not valid.")).ConfigureAwait(false);
            return;
        }

        SpecFakeAnswer answer = _answers.TryGetValue(route.InterfaceName, out Func<SpecFakeRequest, SpecFakeAnswer>? setUp)
            ? setUp(request)
            : DefaultAnswer(route);
        if (_scenarios.TryGetValue(route.InterfaceName, out SpecFakeScenario? scenario))
        {
            answer = scenario.Apply(answer, status => Error(status, $"Failure set up by the test for {route.InterfaceName}."));
        }

        if (sessions is not null && answer.Status is >= 200 and < 300)
        {
            sessions.Answering(route, request, context.Response);
        }

        try
        {
            // The route's sample headers, unless the answer a test set up sends its own of that name.
            foreach (KeyValuePair<string, string> header in route.AnswerHeaders.Where(h => !answer.Headers.Any(a => string.Equals(a.Key, h.Key, StringComparison.OrdinalIgnoreCase))).Concat(answer.Headers))
            {
                context.Response.Headers.Append(header.Key, header.Value);
            }

            await WriteAsync(context, answer).ConfigureAwait(false);
        }
        catch (Exception ex) when (context.RequestAborted.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            // The client left, as a client that timed out or refused a long body does: nothing to answer.
        }
    }

    // The page's example first, as the closest to what the server sends; else the generated sample.
    private SpecFakeAnswer DefaultAnswer(SpecFakeRoute route)
        => route.AnswersFile
            ? SpecFakeAnswer.File(Encoding.UTF8.GetBytes($"A sample file of {route.InterfaceName}, served by the SpecGen fake."), "application/octet-stream", route.InterfaceName + ".bin")
            : (SeededAnswer(route) ?? route.ExampleResponse ?? route.SampleResponse) is { } body
            ? new SpecFakeAnswer(200, body)
            : new SpecFakeAnswer(501, Error(501, $"The spec of {route.InterfaceName} has no example response and the test set up none."));

    // No interface serves this method and path: a path that one serves with another method is a
    // wrong method (405), any other a wrong path (404); both break the contract.
    private async Task AnswerUnroutedAsync(HttpContext context, string[] segments)
    {
        HttpRequest http = context.Request;
        SpecFakeRoute? other = _routes.FirstOrDefault(r => r.TryMatch(r.Method, segments, new Dictionary<string, string>(StringComparer.Ordinal)));
        if (other is not null && !_unchecked.ContainsKey(other.InterfaceName))
        {
            Record(new SpecViolation(other.InterfaceName, string.Empty, "method", $"{other.InterfaceName} is served with {other.Method}, not {http.Method}."));
            await WriteAsync(context.Response, 405, Error(405, $"{http.Path} is served with {other.Method}, not {http.Method}.")).ConfigureAwait(false);
            return;
        }

        if (other is null)
        {
            Record(new SpecViolation(string.Empty, string.Empty, "path", $"No interface serves {http.Method} {http.Path}."));
        }

        await WriteAsync(context.Response, 404, Error(404, $"No interface serves {http.Method} {http.Path}.")).ConfigureAwait(false);
    }

    private void Record(SpecViolation violation)
    {
        _violations.Enqueue(violation);
        ViolationRecorded?.Invoke(violation);
    }

    // The path as it came over the wire, still escaped (HttpRequest.Path has it decoded).
    private static string RawPath(HttpContext context)
    {
        string target = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? string.Empty;
        int query = target.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? target : target[..query];
    }

    /// <summary>
    /// The request against its spec, by the generated checks: the generated reader reads the body
    /// (malformed JSON or a value of the wrong type stops it), the generated <c>Validate()</c> checks
    /// the request class, and the typed readers of header, query and path fields note values of the
    /// wrong type. A token the route must carry and does not is one more violation.
    /// </summary>
    private List<SpecViolation> Check(SpecFakeRoute route, SpecFakeRequest request)
    {
        var violations = new List<SpecViolation>();
        try
        {
            ValidationResult validation = route.Validate(request);
            foreach (ValidationError error in validation.Errors)
            {
                // A value of the wrong type could not be set, so Validate() finds it missing: it is there, only wrong.
                if (error.Code == "mandatory" && request.TypeErrors.Exists(t => t.Path == error.Path))
                {
                    continue;
                }

                violations.Add(new SpecViolation(route.InterfaceName, error.Path, error.Code, error.Message));
            }
        }
        catch (JsonException ex)
        {
            string path = ex is SpecJsonException spec ? spec.RelativePath.TrimStart('.') : string.Empty;
            string reason = ex is SpecJsonException shape ? shape.Reason : "The body is not well-formed JSON" + (ex.LineNumber is long line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})." : ".");
            violations.Add(new SpecViolation(route.InterfaceName, path, JsonCode, reason));
        }

        foreach (ValidationError error in request.TypeErrors)
        {
            violations.Add(new SpecViolation(route.InterfaceName, error.Path, error.Code, error.Message));
        }

        CheckChainAndSignature(route, request, violations);
        SpecFakeTokens? tokens = Tokens;
        if (tokens is not null && route.CarriesToken && !violations.Exists(v => v.Code == JsonCode) && string.IsNullOrEmpty(tokens.TokenOf(request)) && !violations.Any(v => v.Path == tokens.CarryField))
        {
            string where = tokens.CarryCookie is not null ? "cookie header" : tokens.CarryInQuery ? "query parameter" : tokens.CarryInHeader ? "header" : "body field";
            violations.Add(new SpecViolation(route.InterfaceName, tokens.CarryField, "token", $"The request carries no token in its {where} {tokens.CarryField}."));
        }

        return violations;
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
        if (answer.FileBody is { } file)
        {
            await WriteFileAsync(response, file, aborted).ConfigureAwait(false);
            return;
        }

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

    private static async Task WriteFileAsync(HttpResponse response, SpecFakeFile file, CancellationToken aborted)
    {
        response.ContentType = file.ContentType;
        if (file.FileName is not null)
        {
            response.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileNameStar = file.FileName }.ToString();
        }

        if (file.Length is long length)
        {
            response.ContentLength = length;
        }

        await using Stream content = file.Open();
        byte[] chunk = new byte[WriteChunkSize * 4];
        int read;
        while ((read = await content.ReadAsync(chunk, aborted).ConfigureAwait(false)) > 0)
        {
            await response.Body.WriteAsync(chunk.AsMemory(0, read), aborted).ConfigureAwait(false);
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

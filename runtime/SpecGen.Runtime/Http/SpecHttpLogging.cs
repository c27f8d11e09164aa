using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace SpecGen;

/// <summary>
/// The HTTP logging of SpecGen clients. <see cref="IHttpClientFactory"/> gives every client it
/// registers loggers that write the request URL at Information and the headers at Trace: a
/// secret Path value in clear, secret Query values too before Microsoft.Extensions.Http 9, and
/// a token header at Trace. Generated <c>Add{Service}Client</c> registrations replace them with
/// one logger that writes the same kind of lines, with secret Path and Query values masked and
/// every header value redacted but those of the spec's non-secret Header fields.
/// </summary>
public static class SpecHttpLogging
{
    private const string OptionKey = "SpecGen.LogTarget";

    /// <summary>
    /// Replaces the client's HTTP loggers (the factory's defaults and any added before) with the
    /// SpecGen logger. A logger added after this call is the caller's to trust.
    /// </summary>
    /// <param name="builder">The client's builder, as <c>AddHttpClient</c> returns it.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder UseSpecLogging(IHttpClientBuilder builder)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        SpecTraceRedaction.EnsureListening();
        string category = "System.Net.Http.HttpClient." + builder.Name + ".ClientHandler";
        return builder.RemoveAllLoggers().AddLogger(
            provider => new SpecHttpClientLogger(provider.GetService<ILoggerFactory>()?.CreateLogger(category)),
            wrapHandlersPipeline: false);
    }

    /// <summary>
    /// The URL of <paramref name="request"/> as logs and traces may show it: for a request a SpecGen
    /// client sends, secret Path and Query values are <see cref="SpecText.Mask"/>; for any other,
    /// the query is left out. For an OpenTelemetry enrichment of the <c>url.full</c> tag, say.
    /// </summary>
    public static string LogUri(HttpRequestMessage request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (TryGetTarget(request, out LogTarget? target))
        {
            return SpecRequestGuard.BasePath(target!.BaseAddress) + target.Call.LogUrl;
        }

        Uri? uri = request.RequestUri;
        if (uri is null)
        {
            return string.Empty;
        }

        string text = uri.IsAbsoluteUri ? uri.GetLeftPart(UriPartial.Query) : uri.OriginalString;
        int query = text.IndexOf('?');
        return query < 0 ? text : text.Remove(query) + "?*";
    }

    /// <summary>Records on the message the call it comes from, which knows its secret values.</summary>
    internal static void Attach(HttpRequestMessage request, SpecCall call, Uri baseAddress)
    {
        var target = new LogTarget(call, baseAddress);
#if NET
        request.Options.Set(new HttpRequestOptionsKey<LogTarget>(OptionKey), target);
#else
        request.Properties[OptionKey] = target;
#endif
    }

    /// <summary>The SpecGen call that <paramref name="request"/> comes from, or null for a request of other code.</summary>
    internal static SpecCall? CallOf(HttpRequestMessage request)
        => TryGetTarget(request, out LogTarget? target) ? target!.Call : null;

    private static bool TryGetTarget(HttpRequestMessage request, out LogTarget? target)
    {
#if NET
        return request.Options.TryGetValue(new HttpRequestOptionsKey<LogTarget>(OptionKey), out target);
#else
        target = request.Properties.TryGetValue(OptionKey, out object? value) ? value as LogTarget : null;
        return target is not null;
#endif
    }

    /// <summary>
    /// Header names, each value shown as <c>*</c> but those of the request's own Header fields
    /// that the spec does not mark secret: SpecGen cannot know which header a handler of the
    /// application or the server adds carries a credential.
    /// </summary>
    internal static string RedactedHeaders(HttpRequestMessage? request, HttpHeaders headers, HttpHeaders? contentHeaders)
    {
        SpecCall? call = request is not null && TryGetTarget(request, out LogTarget? target) ? target!.Call : null;
        var text = new StringBuilder();
        Append(text, headers, call);
        if (contentHeaders is not null)
        {
            Append(text, contentHeaders, null);
        }

        return text.ToString();

        static void Append(StringBuilder text, HttpHeaders headers, SpecCall? call)
        {
#if NET
            foreach (var header in headers.NonValidated)
#else
            foreach (var header in headers)
#endif
            {
                text.Append(header.Key).Append(": ").Append(PlainValue(call, header.Key) ?? "*").AppendLine();
            }
        }
    }

    /// <summary>The value of a Header field the call sent and the spec does not mark secret; null for any other header.</summary>
    private static string? PlainValue(SpecCall? call, string name)
    {
        string? plain = null;
        foreach ((string field, string value, bool secret) in call?.Headers ?? Enumerable.Empty<(string, string, bool)>())
        {
            if (string.Equals(field, name, StringComparison.OrdinalIgnoreCase))
            {
                if (secret || plain is not null)
                {
                    // Secret, or named twice: which value is which is not worth the risk.
                    return null;
                }

                plain = value;
            }
        }

        return plain;
    }

    private sealed class LogTarget
    {
        public LogTarget(SpecCall call, Uri baseAddress)
        {
            Call = call;
            BaseAddress = baseAddress;
        }

        public SpecCall Call { get; }

        public Uri BaseAddress { get; }
    }
}

/// <summary>
/// Writes the lines of the factory's default client logger (start, headers at Trace, end), with
/// the URL from <see cref="SpecHttpLogging.LogUri"/> and no header value but those of the spec's
/// non-secret Header fields.
/// </summary>
internal sealed class SpecHttpClientLogger : IHttpClientLogger
{
    private static readonly Action<ILogger, string, string, Exception?> LogStart =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(100, "RequestStart"), "Sending HTTP request {HttpMethod} {Uri}");

    private static readonly Action<ILogger, double, int, Exception?> LogEnd =
        LoggerMessage.Define<double, int>(LogLevel.Information, new EventId(101, "RequestEnd"), "Received HTTP response headers after {ElapsedMilliseconds}ms - {StatusCode}");

    private static readonly Action<ILogger, string, Exception?> LogRequestHeaders =
        LoggerMessage.Define<string>(LogLevel.Trace, new EventId(102, "RequestHeader"), "Request Headers:\n{Headers}");

    private static readonly Action<ILogger, string, Exception?> LogResponseHeaders =
        LoggerMessage.Define<string>(LogLevel.Trace, new EventId(103, "ResponseHeader"), "Response Headers:\n{Headers}");

    private static readonly Action<ILogger, string, string, double, string, Exception?> LogFailed =
        LoggerMessage.Define<string, string, double, string>(LogLevel.Warning, new EventId(104, "RequestFailed"), "HTTP request {HttpMethod} {Uri} failed after {ElapsedMilliseconds}ms: {ExceptionType}");

    private readonly ILogger? _logger;

    public SpecHttpClientLogger(ILogger? logger)
    {
        _logger = logger;
    }

    public object? LogRequestStart(HttpRequestMessage request)
    {
        if (_logger is null)
        {
            return null;
        }

        if (_logger.IsEnabled(LogLevel.Information))
        {
            LogStart(_logger, request.Method.Method, SpecHttpLogging.LogUri(request), null);
        }

        if (_logger.IsEnabled(LogLevel.Trace))
        {
            LogRequestHeaders(_logger, SpecHttpLogging.RedactedHeaders(request, request.Headers, request.Content?.Headers), null);
        }

        return null;
    }

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        if (_logger is null)
        {
            return;
        }

        LogEnd(_logger, elapsed.TotalMilliseconds, (int)response.StatusCode, null);
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            LogResponseHeaders(_logger, SpecHttpLogging.RedactedHeaders(null, response.Headers, response.Content?.Headers), null);
        }
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        // The exception itself stays out: a handler's message may quote the request URI.
        if (_logger is not null && _logger.IsEnabled(LogLevel.Warning))
        {
            LogFailed(_logger, request.Method.Method, SpecHttpLogging.LogUri(request), elapsed.TotalMilliseconds, exception.GetType().FullName ?? "Exception", null);
        }
    }
}

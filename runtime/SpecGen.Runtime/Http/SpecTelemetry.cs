using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace SpecGen;

/// <summary>
/// The names under which generated clients report traces and metrics, for OpenTelemetry's
/// <c>AddSource(SpecTelemetry.ActivitySourceName)</c> and <c>AddMeter(SpecTelemetry.MeterName)</c>.
/// One <see cref="Activity"/> per client call (a token renewal and its retry included) and one
/// per token call; tags and metric dimensions follow the OpenTelemetry conventions for HTTP
/// clients where they apply. No tag ever holds a value of a request or answer: no token, no
/// credential, no URL with values (only its template).
/// </summary>
public static class SpecTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/>: <c>SpecGen</c>, the package's.</summary>
    public const string ActivitySourceName = "SpecGen";

    /// <summary>The name of the <see cref="Meter"/>: <c>SpecGen</c>, the package's.</summary>
    public const string MeterName = "SpecGen";

    /// <summary>Histogram of the duration of client calls, in seconds (tagged as below).</summary>
    public const string CallDurationName = "specgen.client.call.duration";

    /// <summary>Counter of client calls, by interface and outcome.</summary>
    public const string CallsName = "specgen.client.calls";

    /// <summary>Counter of token calls, by token interface, reason and outcome.</summary>
    public const string TokenRequestsName = "specgen.client.token.requests";

    /// <summary>Counter of drift findings: ways a real server's answers depart from their spec, by service, interface and kind (see <see cref="SpecDriftReport"/>).</summary>
    public const string DriftName = "specgen.client.drift";

    /// <summary>Counter of sign-in calls of a session (<c>session:</c> in service.yaml), by sign-in interface, reason and outcome.</summary>
    public const string SignInsName = "specgen.client.session.sign_ins";

    /// <summary>Counter of sign-out calls of a session, made when the client's container is disposed, by sign-out interface and outcome.</summary>
    public const string SignOutsName = "specgen.client.session.sign_outs";

    /// <summary>Tag names: OpenTelemetry's for HTTP clients, and SpecGen's own under <c>specgen.</c>.</summary>
    public static class Tags
    {
        /// <summary>The interface, as the spec names it.</summary>
        public const string Interface = "specgen.interface";

        /// <summary>The service, as service.yaml names it.</summary>
        public const string Service = "specgen.service";

        /// <summary>How the call ended: one of <see cref="Outcomes"/>.</summary>
        public const string Outcome = "specgen.outcome";

        /// <summary>The envelope code of an answer that is not a success.</summary>
        public const string ErrorCode = "specgen.error_code";

        /// <summary>True on a call that was sent again with a renewed token.</summary>
        public const string TokenRetried = "specgen.token.retried";

        /// <summary>Why a token call ran: <c>initial</c>, <c>expired</c> or <c>rejected</c>.</summary>
        public const string TokenReason = "specgen.token.reason";

        /// <summary>The kind of a drift finding: <c>unexpected_property</c>, <c>wrong_type</c>, <c>value_not_allowed</c>, <c>missing_mandatory</c>, <c>unlisted_envelope_code</c> or <c>malformed</c>.</summary>
        public const string DriftKind = "specgen.drift.kind";

        /// <summary>Why a sign-in ran: <c>initial</c> (no session yet) or <c>rejected</c> (the server rejected the session).</summary>
        public const string SessionReason = "specgen.session.reason";

        /// <summary>OpenTelemetry: the HTTP method.</summary>
        public const string HttpMethod = "http.request.method";

        /// <summary>OpenTelemetry: the URL template, as the spec writes it.</summary>
        public const string UrlTemplate = "url.template";

        /// <summary>OpenTelemetry: the HTTP status of the last answer.</summary>
        public const string StatusCode = "http.response.status_code";

        /// <summary>OpenTelemetry: the class of error: the HTTP status, or the exception's type.</summary>
        public const string ErrorType = "error.type";

        /// <summary>OpenTelemetry: the server's host name.</summary>
        public const string ServerAddress = "server.address";

        /// <summary>OpenTelemetry: the server's port.</summary>
        public const string ServerPort = "server.port";
    }

    /// <summary>The values of <see cref="Tags.Outcome"/>.</summary>
    public static class Outcomes
    {
        /// <summary>The call returned its answer.</summary>
        public const string Success = "success";

        /// <summary>The request broke its spec and was not sent.</summary>
        public const string InvalidRequest = "invalid_request";

        /// <summary>The server answered an envelope error code.</summary>
        public const string ErrorCode = "error_code";

        /// <summary>The server answered an HTTP error status without an envelope code.</summary>
        public const string HttpError = "http_error";

        /// <summary>The answer was malformed, too large, or broke its spec.</summary>
        public const string InvalidResponse = "invalid_response";

        /// <summary>The server answered with a redirect, which SpecGen clients do not follow.</summary>
        public const string Redirected = "redirected";

        /// <summary>The server could not be reached, or the connection dropped.</summary>
        public const string TransportError = "transport_error";

        /// <summary>No complete answer in time.</summary>
        public const string Timeout = "timeout";

        /// <summary>The caller cancelled.</summary>
        public const string Cancelled = "cancelled";

        /// <summary>The call needed a token and nothing supplied one.</summary>
        public const string TokenMissing = "token_missing";

        /// <summary>The server rejected the token again after it was renewed.</summary>
        public const string TokenRejected = "token_rejected";

        /// <summary>The token interface refused to issue a token.</summary>
        public const string AuthenticationFailed = "authentication_failed";

        /// <summary>The call needed the service's session and the client could not sign in: no credentials, or its container was disposed.</summary>
        public const string SessionMissing = "session_missing";

        /// <summary>The server rejected the session again after the client signed in anew.</summary>
        public const string SessionRejected = "session_rejected";

        /// <summary>The sign-in interface refused to open a session, or answered none.</summary>
        public const string SignInFailed = "sign_in_failed";

        /// <summary>Any other failure.</summary>
        public const string Error = "error";
    }

    private static readonly string Version = typeof(SpecTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    internal static readonly ActivitySource Source = new(ActivitySourceName, Version);

    private static readonly Meter Meter = new(MeterName, Version);

    private static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>(CallDurationName, "s", "Duration of SpecGen client calls, from the first byte sent to the answer read and checked (token renewals included).");

    private static readonly Counter<long> Calls = Meter.CreateCounter<long>(CallsName, "{call}", "SpecGen client calls, by interface and outcome.");

    private static readonly Counter<long> TokenRequests = Meter.CreateCounter<long>(TokenRequestsName, "{request}", "Token calls of SpecGen clients' token flows, by token interface, reason and outcome.");

    private static readonly Counter<long> Drift = Meter.CreateCounter<long>(DriftName, "{finding}", "Drift findings of SpecGen clients' drift check, by service, interface and kind; never a path or a value.");

    /// <summary>Counts one drift finding.</summary>
    internal static void RecordDrift(string? service, string interfaceName, string kind)
    {
        if (Drift.Enabled)
        {
            Drift.Add(
                1,
                new KeyValuePair<string, object?>(Tags.Service, service),
                new KeyValuePair<string, object?>(Tags.Interface, interfaceName),
                new KeyValuePair<string, object?>(Tags.DriftKind, kind));
        }
    }

    private static readonly Counter<long> SignIns = Meter.CreateCounter<long>(SignInsName, "{request}", "Sign-in calls of SpecGen clients' sessions, by sign-in interface, reason and outcome.");

    private static readonly Counter<long> SignOuts = Meter.CreateCounter<long>(SignOutsName, "{request}", "Sign-out calls of SpecGen clients' sessions, by sign-out interface and outcome.");

    /// <summary>The outcome of a call that threw <paramref name="exception"/>.</summary>
    public static string Outcome(Exception exception) => exception switch
    {
        SpecRequestValidationException => Outcomes.InvalidRequest,
        SpecTokenRejectedException => Outcomes.TokenRejected,
        SpecAuthenticationException => Outcomes.AuthenticationFailed,
        SpecTokenMissingException => Outcomes.TokenMissing,
        SpecSessionRejectedException => Outcomes.SessionRejected,
        SpecSignInException => Outcomes.SignInFailed,
        SpecSessionMissingException => Outcomes.SessionMissing,
        SpecErrorCodeException => Outcomes.ErrorCode,
        SpecHttpStatusException => Outcomes.HttpError,
        SpecRedirectException => Outcomes.Redirected,
        SpecResponseFormatException or SpecResponseTooLargeException or SpecResponseValidationException => Outcomes.InvalidResponse,
        SpecTimeoutException => Outcomes.Timeout,
        SpecTransportException => Outcomes.TransportError,
        OperationCanceledException => Outcomes.Cancelled,
        _ => Outcomes.Error,
    };

    internal static void TokenRequested(string tokenInterface, string reason, string outcome)
    {
        if (TokenRequests.Enabled)
        {
            TokenRequests.Add(1, new KeyValuePair<string, object?>(Tags.Interface, tokenInterface), new KeyValuePair<string, object?>(Tags.TokenReason, reason), new KeyValuePair<string, object?>(Tags.Outcome, outcome));
        }
    }

    internal static void SignedIn(string signInInterface, string reason, string outcome)
    {
        if (SignIns.Enabled)
        {
            SignIns.Add(1, new KeyValuePair<string, object?>(Tags.Interface, signInInterface), new KeyValuePair<string, object?>(Tags.SessionReason, reason), new KeyValuePair<string, object?>(Tags.Outcome, outcome));
        }
    }

    internal static void SignedOut(string signOutInterface, string outcome)
    {
        if (SignOuts.Enabled)
        {
            SignOuts.Add(1, new KeyValuePair<string, object?>(Tags.Interface, signOutInterface), new KeyValuePair<string, object?>(Tags.Outcome, outcome));
        }
    }

    /// <summary>Starts the activity of one call, or returns null when nobody listens.</summary>
    internal static Activity? StartCall(string? service, string interfaceName, string method, string urlTemplate, Uri? baseAddress)
    {
        Activity? activity = Source.StartActivity(method + " " + urlTemplate, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(Tags.Interface, interfaceName);
            if (service is not null)
            {
                activity.SetTag(Tags.Service, service);
            }

            activity.SetTag(Tags.HttpMethod, method);
            activity.SetTag(Tags.UrlTemplate, urlTemplate);
            if (baseAddress is { IsAbsoluteUri: true })
            {
                activity.SetTag(Tags.ServerAddress, baseAddress.Host);
                activity.SetTag(Tags.ServerPort, baseAddress.Port);
            }
        }

        return activity;
    }

    /// <summary>Ends the activity of a call and records its metrics.</summary>
    internal static void EndCall(Activity? activity, string interfaceName, string method, string urlTemplate, TimeSpan elapsed, int? status, Exception? exception, bool retried)
    {
        string outcome = exception is null ? Outcomes.Success : Outcome(exception);
        string? errorCode = exception switch
        {
            SpecErrorCodeException e => e.ErrorCode,
            SpecTokenRejectedException e => e.ErrorCode,
            SpecAuthenticationException e => e.ErrorCode,
            SpecSessionRejectedException e => e.ErrorCode,
            SpecSignInException e => e.ErrorCode,
            _ => null,
        };
        int? httpStatus = exception is SpecResponseException response ? response.HttpStatus ?? status : status;
        string? errorType = exception is null
            ? null
            : exception is SpecHttpStatusException && httpStatus is int code ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : exception.GetType().FullName;

        if (activity is not null)
        {
            if (activity.IsAllDataRequested)
            {
                activity.SetTag(Tags.Outcome, outcome);
                if (httpStatus is int statusCode)
                {
                    activity.SetTag(Tags.StatusCode, statusCode);
                }

                if (errorCode is not null)
                {
                    activity.SetTag(Tags.ErrorCode, errorCode);
                }

                if (errorType is not null)
                {
                    activity.SetTag(Tags.ErrorType, errorType);
                }

                if (retried)
                {
                    activity.SetTag(Tags.TokenRetried, true);
                }
            }

            // The description is the outcome, never the exception's message (which may quote the server).
            activity.SetStatus(exception is null ? ActivityStatusCode.Ok : ActivityStatusCode.Error, exception is null ? null : outcome);
            activity.Dispose();
        }

        if (CallDuration.Enabled || Calls.Enabled)
        {
            var tags = new TagList
            {
                { Tags.Interface, interfaceName },
                { Tags.HttpMethod, method },
                { Tags.UrlTemplate, urlTemplate },
                { Tags.Outcome, outcome },
            };
            if (httpStatus is int statusCode)
            {
                tags.Add(Tags.StatusCode, statusCode);
            }

            if (errorType is not null)
            {
                tags.Add(Tags.ErrorType, errorType);
            }

            CallDuration.Record(elapsed.TotalSeconds, tags);
            Calls.Add(1, new KeyValuePair<string, object?>(Tags.Interface, interfaceName), new KeyValuePair<string, object?>(Tags.Outcome, outcome));
        }
    }
}

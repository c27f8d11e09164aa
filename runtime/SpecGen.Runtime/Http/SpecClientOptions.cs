using System;
using System.Collections.Generic;
using System.Net.Http;

namespace SpecGen;

/// <summary>What every generated client's options hold.</summary>
public class SpecClientOptions
{
    /// <summary>The default of <see cref="MaxResponseBytes"/>: 16 MiB.</summary>
    public const long DefaultMaxResponseBytes = 16 * 1024 * 1024;

    /// <summary>The largest value <see cref="MaxResponseBytes"/> accepts: 1 GiB.</summary>
    /// <remarks>
    /// An answer is held in one pooled array while it is read, so the limit must stay well below
    /// the largest array .NET allows. It also lets the invoker tell a limit these options set from
    /// the 2 GiB that a bare <see cref="HttpClient"/> carries by default (see <see cref="ApplyTo"/>).
    /// </remarks>
    public const long LargestMaxResponseBytes = 1024 * 1024 * 1024;

    /// <summary>The default of <see cref="MaxFileBytes"/>: 1 GiB.</summary>
    public const long DefaultMaxFileBytes = 1024L * 1024 * 1024;

    /// <summary>The default of <see cref="TokenSafetyMargin"/>: one minute.</summary>
    public static readonly TimeSpan DefaultTokenSafetyMargin = TimeSpan.FromMinutes(1);

    private long _maxResponseBytes = DefaultMaxResponseBytes;
    private long _maxFileBytes = DefaultMaxFileBytes;
    private TimeSpan _tokenSafetyMargin = DefaultTokenSafetyMargin;
    private TimeProvider _timeProvider = TimeProvider.System;
    private TimeSpan? _tokenValidity;

    /// <summary>The address of the server, such as <c>https://cec.example.com:8443/</c>. The spec's <c>baseUrl</c> is documentation only.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// How long one call may take before it fails with <see cref="SpecTimeoutException"/>, from
    /// sending the request to the last byte of the answer. 100 seconds unless set.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The most bytes an answer body may have; a longer one fails with
    /// <see cref="SpecResponseTooLargeException"/>. <see cref="DefaultMaxResponseBytes"/> (16 MiB) unless set.
    /// </summary>
    /// <remarks>
    /// An answer whose <c>Content-Length</c> is over the limit fails before its body is read; one
    /// without a length fails as soon as the limit is passed, so a huge or endless body cannot
    /// exhaust memory. The same limit applies to error answers.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1 or more than <see cref="LargestMaxResponseBytes"/>.</exception>
    public long MaxResponseBytes
    {
        get => _maxResponseBytes;
        set
        {
            if (value < 1 || value > LargestMaxResponseBytes)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxResponseBytes must be from 1 to {LargestMaxResponseBytes}.");
            }

            _maxResponseBytes = value;
        }
    }

    /// <summary>
    /// The most bytes a file answer (<c>responseBody: file</c>) may have; reading past it fails with
    /// <see cref="SpecFileTooLargeException"/>. <see cref="DefaultMaxFileBytes"/> (1 GiB) unless set.
    /// </summary>
    /// <remarks>
    /// A file is streamed, never held in memory, so this limit is apart from
    /// <see cref="MaxResponseBytes"/>, which bounds the JSON answers (an error-code answer of a file
    /// interface included). A file whose <c>Content-Length</c> is over it fails before its body is read.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public long MaxFileBytes
    {
        get => _maxFileBytes;
        set
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "MaxFileBytes must be at least 1.");
            }

            _maxFileBytes = value;
        }
    }

    /// <summary>
    /// How long before its validity ends a token from the service's token flow is replaced: one
    /// minute unless set, and never more than half the token's validity, so that a short-lived
    /// token is still used more than once.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan TokenSafetyMargin
    {
        get => _tokenSafetyMargin;
        set
        {
            if (value < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "TokenSafetyMargin must not be negative.");
            }

            _tokenSafetyMargin = value;
        }
    }

    /// <summary>
    /// How long a token of the service's token flow is valid when the token interface's answer
    /// does not say: null (the default) for the spec's <c>token.answer.default</c>, else 10 minutes.
    /// Set it when a deployment's tokens live shorter than that; a token the server rejects is
    /// renewed in any case.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan? TokenValidity
    {
        get => _tokenValidity;
        set
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "TokenValidity must be positive.");
            }

            _tokenValidity = value;
        }
    }

    /// <summary>
    /// The envelope codes by which the server says that a token has expired or is not valid; the
    /// client then gets a new token from the service's token flow and sends the call once more.
    /// The spec's <c>token.rejected</c> list fills it; the pages do not list every code, so add yours.
    /// </summary>
    public ISet<string> TokenRejectionCodes { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The HTTP statuses by which the server says that a token has expired or is not valid, as
    /// <see cref="TokenRejectionCodes"/> does by an envelope code: 401 unless changed.
    /// </summary>
    public ISet<int> TokenRejectionStatuses { get; } = new HashSet<int> { 401 };

    /// <summary>
    /// The envelope codes by which the server says that the session (<c>session:</c> in service.yaml)
    /// has ended or is not valid; the client then signs in again and sends the call once more. The
    /// spec's <c>session.rejected</c> list fills it; add the codes a deployment answers.
    /// </summary>
    public ISet<string> SessionRejectionCodes { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The HTTP statuses by which the server says that the session has ended or is not valid, as
    /// <see cref="SessionRejectionCodes"/> does by an envelope code: 401 unless changed.
    /// </summary>
    public ISet<int> SessionRejectionStatuses { get; } = new HashSet<int> { 401 };

    /// <summary>The clock by which tokens expire; <see cref="TimeProvider.System"/> unless set (tests set a fake one).</summary>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        set => _timeProvider = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Applies the options to the client's <see cref="HttpClient"/>.</summary>
    /// <remarks>
    /// The generated client receives only the <see cref="HttpClient"/>, not these options, so
    /// <see cref="MaxResponseBytes"/> travels as <see cref="HttpClient.MaxResponseContentBufferSize"/>,
    /// which means the same thing: the most bytes of an answer to hold in memory.
    /// <see cref="SpecHttpInvoker"/> reads it on every call; a value above
    /// <see cref="LargestMaxResponseBytes"/>, such as the 2 GiB of an <see cref="HttpClient"/> these
    /// options never touched, counts as unset and gives <see cref="DefaultMaxResponseBytes"/>.
    /// </remarks>
    public void ApplyTo(HttpClient httpClient)
    {
        if (httpClient is null)
        {
            throw new ArgumentNullException(nameof(httpClient));
        }

        if (BaseAddress is not null)
        {
            // Spec URLs are joined below the base address, so its path must end with a slash.
            string address = BaseAddress.ToString();
            httpClient.BaseAddress = address.EndsWith("/", StringComparison.Ordinal) ? BaseAddress : new Uri(address + "/");
        }

        httpClient.Timeout = Timeout;
        httpClient.MaxResponseContentBufferSize = MaxResponseBytes;
        SpecFileLimits.Set(httpClient, MaxFileBytes);
    }
}

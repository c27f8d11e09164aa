using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SpecGen.Testing;

/// <summary>
/// The token flow of a fake server (<c>token:</c> of service.yaml): the token interface issues
/// tokens of a short <see cref="Validity"/> to requests whose credentials match
/// <see cref="Credentials"/>, and every call of an interface that carries the token is refused with
/// <see cref="RejectionStatus"/> and <see cref="RejectionCode"/> unless its token is one it issued
/// and still valid by <see cref="TimeProvider"/>. Generated <c>{Service}Fake.Create()</c> sets it up.
/// </summary>
public sealed class SpecFakeTokens
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _valid = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _issuedFor = new(StringComparer.Ordinal);
    private readonly SpecFakeCredential[] _credentials;
    private int _issued;

    /// <summary>Creates the token flow of a fake server.</summary>
    /// <param name="tokenInterface">The token interface, as the spec names it.</param>
    /// <param name="credentials">Its credentials, as the fake reads them from a token request.</param>
    /// <param name="tokenField">The answer's token field.</param>
    /// <param name="validityField">The answer's validity field, or null when the answer states none.</param>
    /// <param name="unit">The unit of the validity.</param>
    /// <param name="carryInHeader">True when calls carry the token in a header, false in a body field.</param>
    /// <param name="carryField">The header or top-level body field that carries it.</param>
    /// <param name="successCode">The envelope code of a success, or null to write none.</param>
    /// <param name="codeAsNumber">True to write the code as a JSON number.</param>
    /// <param name="validityAsNumber">True to write the validity as a JSON number, false as a string.</param>
    public SpecFakeTokens(
        string tokenInterface,
        IReadOnlyList<SpecFakeCredential> credentials,
        string tokenField,
        string? validityField,
        SpecTokenUnit unit,
        bool carryInHeader,
        string carryField,
        string? successCode,
        bool codeAsNumber,
        bool validityAsNumber)
    {
        TokenInterface = tokenInterface ?? throw new ArgumentNullException(nameof(tokenInterface));
        _credentials = (credentials ?? throw new ArgumentNullException(nameof(credentials))).ToArray();
        TokenField = tokenField ?? throw new ArgumentNullException(nameof(tokenField));
        ValidityField = validityField;
        Unit = unit;
        CarryInHeader = carryInHeader;
        CarryField = carryField ?? throw new ArgumentNullException(nameof(carryField));
        SuccessCode = successCode;
        CodeAsNumber = codeAsNumber;
        ValidityAsNumber = validityAsNumber;
    }

    /// <summary>The token interface, as the spec names it.</summary>
    public string TokenInterface { get; }

    /// <summary>The answer's token field.</summary>
    public string TokenField { get; }

    /// <summary>The answer's validity field, or null.</summary>
    public string? ValidityField { get; }

    /// <summary>The unit of the validity.</summary>
    public SpecTokenUnit Unit { get; }

    /// <summary>True when calls carry the token in a header.</summary>
    public bool CarryInHeader { get; }

    /// <summary>The header or top-level body field that carries the token.</summary>
    public string CarryField { get; }

    /// <summary>The envelope code of a success, or null.</summary>
    public string? SuccessCode { get; }

    /// <summary>True when the code is written as a JSON number.</summary>
    public bool CodeAsNumber { get; }

    /// <summary>True when the validity is written as a JSON number.</summary>
    public bool ValidityAsNumber { get; }

    /// <summary>The credentials the token interface reads.</summary>
    public IReadOnlyList<SpecFakeCredential> CredentialFields => _credentials;

    /// <summary>
    /// How long an issued token is valid: 30 seconds unless set, short enough for tests to pass it
    /// with a fake <see cref="TimeProvider"/>. The answer states it, rounded up to whole units, when the
    /// flow has a validity field.
    /// </summary>
    public TimeSpan Validity { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock by which tokens expire; a test sets a fake one to move time by hand.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The values the token interface accepts, by credential path (<c>appKey</c>, <c>reqBody.userId</c>):
    /// a credential listed here must match exactly; one not listed must merely be present.
    /// </summary>
    public IDictionary<string, string> Credentials { get; } = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The HTTP status of a refusal, of a token and of credentials alike: 401 unless set.</summary>
    public int RejectionStatus { get; set; } = 401;

    /// <summary>The envelope code of a refusal: <c>401</c> unless set.</summary>
    public string RejectionCode { get; set; } = "401";

    /// <summary>False to let calls through whatever token they carry.</summary>
    public bool Enforce { get; set; } = true;

    /// <summary>How many tokens the token interface issued.</summary>
    public int Issued => Volatile.Read(ref _issued);

    /// <summary>A new valid token, as the token interface would issue it, for a test that sets tokens by hand.</summary>
    public string Issue()
    {
        int number = Interlocked.Increment(ref _issued);
        string token = $"fake-token-{number.ToString(CultureInfo.InvariantCulture)}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))}";
        _valid[token] = TimeProvider.GetUtcNow() + Validity;
        return token;
    }

    /// <summary>Takes <paramref name="token"/> as valid until <see cref="RevokeAll"/>, for a test or demo that sets its own token.</summary>
    public void Accept(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        _valid[token] = DateTimeOffset.MaxValue;
    }

    /// <summary>Forgets every token issued so far, as a server restart does: the next calls are refused.</summary>
    public void RevokeAll() => _valid.Clear();

    /// <summary>
    /// The credentials, by path, of the token request that <paramref name="token"/> answered, or null
    /// for a token the fake did not issue that way: a test of several tenants checks with it that each
    /// call carries a token of its own tenant's credentials.
    /// </summary>
    public IReadOnlyDictionary<string, string>? IssuedFor(string token)
        => token is not null && _issuedFor.TryGetValue(token, out IReadOnlyDictionary<string, string>? credentials) ? credentials : null;

    /// <summary>True when <paramref name="token"/> was issued and has not expired.</summary>
    public bool IsValid(string? token)
        => token is not null && _valid.TryGetValue(token, out DateTimeOffset expires) && TimeProvider.GetUtcNow() < expires;

    /// <summary>
    /// What calls write before the token (<c>carry.prefix</c>, such as <c>"Bearer "</c>); null for
    /// none. A value without it carries no token, as the real service would say.
    /// </summary>
    public string? CarryPrefix { get; init; }

    /// <summary>True when calls carry the token in the query parameter <see cref="CarryField"/> (<c>carry.query</c>).</summary>
    public bool CarryInQuery { get; init; }

    /// <summary>The cookie that carries the token in the <c>Cookie</c> header (<c>carry.cookie</c>), or null.</summary>
    public string? CarryCookie { get; init; }

    /// <summary>The token a request carries where the flow says, its prefix or cookie name taken off; null when it carries none.</summary>
    internal string? TokenOf(SpecFakeRequest request)
    {
        string? value = CarryCookie is { } cookie
            ? CookieValue(request.Text(SpecPosition.Header, "Cookie"), cookie)
            : CarryInQuery
                ? request.Text(SpecPosition.Query, CarryField)
                : CarryInHeader ? request.Text(SpecPosition.Header, CarryField) : BodyText(request.Body, [CarryField]);
        if (value is null || CarryPrefix is not { Length: > 0 } prefix)
        {
            return value;
        }

        return value.StartsWith(prefix, StringComparison.Ordinal) ? value.Substring(prefix.Length) : null;
    }

    /// <summary>True when the request carries a value where the token goes, but without the prefix the flow writes before it.</summary>
    internal bool LacksPrefix(SpecFakeRequest request)
        => CarryPrefix is { Length: > 0 } prefix
            && CarryCookie is null
            && (CarryInQuery ? request.Text(SpecPosition.Query, CarryField) : CarryInHeader ? request.Text(SpecPosition.Header, CarryField) : BodyText(request.Body, [CarryField])) is { Length: > 0 } value
            && !value.StartsWith(prefix, StringComparison.Ordinal);

    private static string? CookieValue(string? header, string name)
    {
        if (header is null)
        {
            return null;
        }

        foreach (string part in header.Split(';'))
        {
            string pair = part.Trim();
            if (pair.Length > name.Length && pair[name.Length] == '=' && pair.StartsWith(name, StringComparison.Ordinal))
            {
                return pair.Substring(name.Length + 1);
            }
        }

        return null;
    }

    internal bool CredentialsMatch(SpecFakeRequest request)
    {
        foreach (SpecFakeCredential credential in _credentials)
        {
            string? value = credential.Position == SpecPosition.Body
                ? BodyText(request.Body, credential.Path.Split('.'))
                : request.Text(credential.Position, credential.Path);
            if (string.IsNullOrEmpty(value) || (Credentials.TryGetValue(credential.Path, out string? expected) && !string.Equals(value, expected, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The token interface's answer: the envelope's success, a new token and its validity.</summary>
    internal string IssueAnswer(SpecEnvelope? envelope, SpecFakeRequest? request = null)
    {
        string token = Issue();
        if (request is not null)
        {
            _issuedFor[token] = _credentials.ToDictionary(
                c => c.Path,
                c => (c.Position == SpecPosition.Body ? BodyText(request.Body, c.Path.Split('.')) : request.Text(c.Position, c.Path)) ?? string.Empty,
                StringComparer.Ordinal);
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (envelope is not null && SuccessCode is not null)
            {
                if (CodeAsNumber && long.TryParse(SuccessCode, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long code))
                {
                    writer.WriteNumber(envelope.CodeField, code);
                }
                else
                {
                    writer.WriteString(envelope.CodeField, SuccessCode);
                }

                if (envelope.MessageField is { } message)
                {
                    writer.WriteString(message, "success");
                }
            }

            writer.WriteString(TokenField, token);
            if (ValidityField is not null)
            {
                double unit = Unit switch
                {
                    SpecTokenUnit.Milliseconds => 1,
                    SpecTokenUnit.Minutes => 60_000,
                    SpecTokenUnit.Hours => 3_600_000,
                    _ => 1000,
                };
                long amount = (long)Math.Ceiling(Validity.TotalMilliseconds / unit);
                if (ValidityAsNumber)
                {
                    writer.WriteNumber(ValidityField, amount);
                }
                else
                {
                    writer.WriteString(ValidityField, amount.ToString(CultureInfo.InvariantCulture));
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    internal static string? BodyText(byte[] body, string[] path)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            JsonElement element = document.RootElement;
            foreach (string segment in path)
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(segment, out element))
                {
                    return null;
                }
            }

            return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

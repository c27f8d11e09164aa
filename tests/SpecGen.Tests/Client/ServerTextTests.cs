using System.Text;
using Cec.Chatbot;
using Microsoft.Extensions.DependencyInjection;
using SpecGen.Testing;

namespace SpecGen.Tests.Client;

/// <summary>
/// A server's text (envelope message and code, reason phrase) enters exception messages and log
/// lines cleaned and cut, so that it can neither forge a log line nor make a megabyte message;
/// the exception's own property keeps the raw text.
/// </summary>
public sealed class ServerTextTests : IAsyncLifetime
{
    private const string Interface = "QueryTransferRecordHistory";
    private const string Forged = "Information Cec.Chatbot.CecChatbotClient: QueryTransferRecordHistory answered HTTP 200 in 1 ms";

    private ClientHarness _harness = null!;

    public async Task InitializeAsync()
        => _harness = await ClientHarness.StartAsync(
            CecChatbotFake.Create(),
            (services, address) => services.AddCecChatbotClient(o =>
            {
                o.BaseAddress = address;
                o.MaxResponseBytes = 4 * 1024 * 1024;
            }));

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("\u2028")]
    [InlineData("\u0085")]
    public async Task A_line_break_in_the_message_forges_no_log_line(string lineBreak)
    {
        string message = "Tenant unknown." + lineBreak + Forged;
        _harness.Server.Answer(Interface, Envelope("1", message));

        var ex = await Assert.ThrowsAsync<SpecErrorCodeException>(Call);

        Assert.Equal(message, ex.ErrorMessage);
        Assert.DoesNotContain(lineBreak, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Tenant unknown." + new string(SpecServerText.Replacement, lineBreak.Length) + Forged, ex.Message, StringComparison.Ordinal);
        string failed = Assert.Single(_harness.Logs.Lines, l => l.Contains(Interface + " failed:", StringComparison.Ordinal));
        Assert.DoesNotContain(lineBreak, failed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_break_in_the_error_code_is_cleaned_too()
    {
        _harness.Server.Answer(Interface, Envelope("\"E\\r\\n" + Forged + "\"", "bad"));

        var ex = await Assert.ThrowsAsync<SpecErrorCodeException>(Call);

        Assert.Equal("E\r\n" + Forged, ex.ErrorCode);
        Assert.DoesNotContain("\n", ex.Message, StringComparison.Ordinal);
        Assert.Contains("error code E??" + Forged, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_megabyte_message_makes_a_short_exception_message_and_log_line()
    {
        string message = new('x', 1024 * 1024);
        _harness.Server.Answer(Interface, Envelope("1", message));

        var ex = await Assert.ThrowsAsync<SpecErrorCodeException>(Call);

        Assert.Equal(message, ex.ErrorMessage);
        Assert.InRange(ex.Message.Length, SpecServerText.MaxLength, SpecServerText.MaxLength + 200);
        Assert.Contains(new string('x', SpecServerText.MaxLength) + "… (" + (message.Length - SpecServerText.MaxLength) + " more characters)", ex.Message, StringComparison.Ordinal);
        string failed = Assert.Single(_harness.Logs.Lines, l => l.Contains(Interface + " failed:", StringComparison.Ordinal));
        Assert.InRange(failed.Length, SpecServerText.MaxLength, SpecServerText.MaxLength + 400);
    }

    [Fact]
    public async Task A_short_clean_message_is_kept_as_it_is()
    {
        _harness.Server.Answer(Interface, Envelope("1", "Tenant unknown."));

        var ex = await Assert.ThrowsAsync<SpecErrorCodeException>(Call);

        Assert.EndsWith("the server answered error code 1: Tenant unknown.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_leaves_a_safe_text_as_the_same_instance()
    {
        string text = "Tenant unknown: 中文, émoji 😀, tab-free.";

        Assert.Same(text, SpecServerText.Clean(text));
    }

    [Theory]
    [InlineData("a\tb", "a?b")]
    [InlineData("a\u001Bb[31m", "a?b[31m")]
    [InlineData("a\u007Fb", "a?b")]
    [InlineData("abc\u202Edcba", "abc?dcba")]
    [InlineData("a\u2029b\u2066c", "a?b?c")]
    public void Clean_replaces_control_separator_and_direction_characters(string text, string expected)
        => Assert.Equal(expected, SpecServerText.Clean(text));

    [Fact]
    public void Clean_does_not_cut_a_surrogate_pair_in_half()
    {
        string text = new string('x', SpecServerText.MaxLength - 1) + "😀" + "tail";

        string clean = SpecServerText.Clean(text);

        Assert.StartsWith(new string('x', SpecServerText.MaxLength - 1) + "… (", clean, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(clean[SpecServerText.MaxLength - 2]) && !char.IsLowSurrogate(clean[SpecServerText.MaxLength - 1]));
    }

    [Fact]
    public void A_reason_phrase_is_cleaned_and_cut_and_kept_raw()
    {
        string reason = "Bad Gateway\r\n" + Forged + new string('y', 2000);

        var ex = new SpecHttpStatusException(Interface, 502, reason);

        Assert.Equal(reason, ex.ReasonPhrase);
        Assert.DoesNotContain("\n", ex.Message, StringComparison.Ordinal);
        Assert.InRange(ex.Message.Length, SpecServerText.MaxLength, SpecServerText.MaxLength + 200);
    }

    [Fact]
    public void The_token_interface_s_refusal_is_cleaned_and_kept_raw()
    {
        var ex = new SpecAuthenticationException("GetToken", 200, "E1\n", "Wrong key.\r\n" + Forged, "AppKey of CecChatbotClientOptions");

        Assert.Equal("Wrong key.\r\n" + Forged, ex.ErrorMessage);
        Assert.Equal("E1\n", ex.ErrorCode);
        Assert.DoesNotContain("\n", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_validation_message_cleans_the_server_s_map_keys_and_is_cut()
    {
        var errors = new ValidationErrorCollector();
        errors.Add("attributes", "k\r\n" + Forged, "values", "'attributes' must be one of: a, b.");
        for (int i = 0; i < 1000; i++)
        {
            errors.Add("items", i, "mandatory", "'id' is mandatory.");
        }

        var ex = new SpecResponseValidationException(Interface, 200, errors.ToResult());

        Assert.Equal(1001, ex.Validation.Errors.Count);
        Assert.DoesNotContain("\n", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", ex.Message, StringComparison.Ordinal);
        Assert.Contains("attributes.k??" + Forged, ex.Message, StringComparison.Ordinal);
        Assert.InRange(ex.Message.Length, SpecServerText.MaxLength, SpecServerText.MaxLength + 200);
    }

    private static string Envelope(string code, string message)
    {
        var json = new StringBuilder("{ \"errorCode\": ").Append(code).Append(", \"errorMessage\": ");
        json.Append(System.Text.Json.JsonSerializer.Serialize(message));
        return json.Append(" }").ToString();
    }

    private Task<QueryTransferRecordHistoryResponse> Call()
        => _harness.Get<ICecChatbotClient>().QueryTransferRecordHistoryAsync(new QueryTransferRecordHistoryRequest
        {
            TenantId = "202204017094",
            AuthToken = "token",
            PageSize = "5",
            CallId = "1648805538-165717321823298",
        });
}

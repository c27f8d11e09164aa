using System.Net.Http;
using System.Text.Json;

namespace SpecGen.Tests.Runtime;

/// <summary>
/// The client reads a successful answer's code from the parsed response instead of walking the JSON
/// a second time; it must decide exactly as the walk over the JSON text does.
/// </summary>
public sealed class OnePassEnvelopeTests
{
    [Theory]
    [InlineData("0", 0L, true)]
    [InlineData("0", 1L, false)]
    [InlineData("0200000", 200000L, false)]
    [InlineData("-1", -1L, true)]
    [InlineData("+1", 1L, false)]
    public void A_number_matches_a_success_code_written_as_its_own_text(string success, long code, bool expected)
    {
        var envelope = new SpecEnvelope("errorCode", "errorMessage", [success], missingIsSuccess: false);

        Assert.Equal(expected, envelope.IsSuccess(new SpecEnvelopeCode(code)));
        Assert.Equal(expected, envelope.IsSuccess(code.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_missing_code_follows_the_envelope(bool missingIsSuccess)
    {
        var envelope = new SpecEnvelope("errorCode", null, ["0"], missingIsSuccess);

        Assert.Equal(missingIsSuccess, envelope.IsSuccess(new SpecEnvelopeCode((long?)null)));
        Assert.Equal(missingIsSuccess, envelope.IsSuccess(new SpecEnvelopeCode((string?)null)));
        Assert.True(envelope.IsSuccess(new SpecEnvelopeCode("0")));
        Assert.False(envelope.IsSuccess(new SpecEnvelopeCode("00")));
    }

    [Fact]
    public async Task A_request_body_is_sent_with_its_length_and_given_back_on_dispose()
    {
        var call = new SpecCall("Query", "POST", "/api/query");
        call.SetJsonBody(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("token", "secret-value");
            writer.WriteEndObject();
        });

        HttpRequestMessage message = call.ToRequestMessage();
        byte[] sent = await message.Content!.ReadAsByteArrayAsync();

        Assert.Equal("""{"token":"secret-value"}""", System.Text.Encoding.UTF8.GetString(sent));
        Assert.Equal(sent.Length, message.Content.Headers.ContentLength);
        Assert.Equal("application/json", message.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpMethod.Post, message.Method);
        Assert.Equal("api/query", message.RequestUri!.OriginalString);

        // The body moved into the message: a second message from the same call has none.
        Assert.Null(call.ToRequestMessage().Content);
        message.Dispose();
    }

    [Fact]
    public void A_writer_that_throws_leaves_the_next_body_whole()
    {
        var call = new SpecCall("Query", "POST", "/api/query");
        Assert.Throws<InvalidOperationException>(() => call.SetJsonBody(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("half", "written");
            throw new InvalidOperationException("boom");
        }));

        var next = new SpecCall("Query", "POST", "/api/query");
        next.SetJsonBody(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("n", 1);
            writer.WriteEndObject();
        });

        using HttpRequestMessage message = next.ToRequestMessage();
        using JsonDocument document = JsonDocument.Parse(message.Content!.ReadAsStream());
        Assert.Equal(1, document.RootElement.GetProperty("n").GetInt32());
    }
}

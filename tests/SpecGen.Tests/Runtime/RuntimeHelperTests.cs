using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cec.Chatbot;

namespace SpecGen.Tests.Runtime;

/// <summary>The runtime members generated readers and Validate() methods call for hostile input.</summary>
public sealed class RuntimeHelperTests
{
    [Fact]
    public void A_property_set_refuses_an_index_the_second_time()
    {
        var set = new SpecPropertySet();

        Assert.True(set.Add(0));
        Assert.True(set.Add(5));
        Assert.False(set.Add(0));
        Assert.False(set.Add(5));
        Assert.True(set.Add(1));
    }

    [Theory]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(191)]
    [InlineData(192)]
    [InlineData(1000)]
    [InlineData(100_000)]
    public void Every_index_is_its_own_bit(int index)
    {
        var set = new SpecPropertySet();
        int[] neighbours = index > 0 ? [index - 1, index + 1] : [index + 1];

        Assert.True(set.Add(index));
        Assert.False(set.Add(index));
        foreach (int neighbour in neighbours)
        {
            Assert.True(set.Add(neighbour));
            Assert.False(set.Add(neighbour));
        }

        Assert.False(set.Add(index));
    }

    [Fact]
    public void Indexes_below_and_above_128_coexist_as_the_set_grows()
    {
        var set = new SpecPropertySet();
        int[] indexes = [0, 63, 64, 127, 128, 129, 200, 5000, 300, 70_000, 1];

        Assert.All(indexes, i => Assert.True(set.Add(i)));
        Assert.All(indexes, i => Assert.False(set.Add(i)));
        Assert.True(set.Add(2));
        Assert.True(set.Add(4999));
    }

    [Fact]
    public void A_property_set_under_128_indexes_allocates_nothing()
    {
        static int Fill()
        {
            var set = new SpecPropertySet();
            int added = 0;
            for (int i = 0; i < 128; i++)
            {
                added += set.Add(i) ? 1 : 0;
                added += set.Add(i) ? 1 : 0;
            }

            return added;
        }

        Fill();
        long before = GC.GetAllocatedBytesForCurrentThread();
        int added = Fill();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(128, added);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void A_negative_index_is_refused()
    {
        var set = new SpecPropertySet();

        Assert.Throws<ArgumentOutOfRangeException>(() => set.Add(-1));
    }

    [Fact]
    public void A_duplicate_property_error_names_the_property_and_takes_the_path_of_its_object()
    {
        SpecJsonException ex = SpecJson.DuplicateProperty("startTime");

        Assert.Equal("The property 'startTime' appears more than once.", ex.Message);
        Assert.Equal("$.transferRecordList[2].startTime", ex.WithinProperty("startTime").WithinItem(2).WithinProperty("transferRecordList").Path);
    }

    [Fact]
    public void A_pattern_that_times_out_does_not_match()
    {
        var catastrophic = new Regex("^(a+)+$", RegexOptions.None, TimeSpan.FromMilliseconds(50));
        string hostile = new string('a', 36) + "!";

        // Without the timeout this match would run for hours.
        Assert.Throws<RegexMatchTimeoutException>(() => catastrophic.IsMatch(hostile));
        Assert.False(SpecChecks.MatchesPattern(catastrophic, hostile));
        Assert.True(SpecChecks.MatchesPattern(catastrophic, "aaaa"));
        Assert.False(SpecChecks.MatchesPattern(catastrophic, "b"));
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"\\udc00x\"")]
    public void A_lone_surrogate_escape_is_a_SpecJsonException(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        SpecJsonException? ex = null;
        try
        {
            SpecJson.ReadString(ref reader);
        }
        catch (SpecJsonException caught)
        {
            ex = caught;
        }

        Assert.NotNull(ex);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
    }

    [Fact]
    public void Invalid_UTF8_in_a_property_name_is_a_SpecJsonException()
    {
        byte[] json = [(byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}'];
        var reader = new Utf8JsonReader(json);
        reader.Read();
        reader.Read();
        bool threw = false;
        try
        {
            SpecJson.ReadPropertyName(ref reader);
        }
        catch (SpecJsonException)
        {
            threw = true;
        }

        Assert.True(threw);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    public void A_number_beyond_double_is_out_of_range(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        string? message = null;
        try
        {
            SpecJson.ReadDouble(ref reader);
        }
        catch (SpecJsonException ex)
        {
            message = ex.Message;
        }

        Assert.Equal($"The number {json} is out of range for a number.", message);
    }

    [Fact]
    public void The_envelope_turns_undecodable_text_into_a_JsonException()
    {
        var envelope = new SpecEnvelope("code", "message", ["0"], missingIsSuccess: false);
        byte[] json = [.. """{ "code": 0, "message": """u8, (byte)'"', 0xC3, 0x28, (byte)'"', .. " }"u8];

        Assert.ThrowsAny<JsonException>(() => envelope.TryRead(json, out _, out _));
    }

    [Fact]
    public void MaxResponseBytes_travels_on_the_HttpClient_and_a_bare_client_gets_the_default()
    {
        using var configured = new HttpClient();
        new CecChatbotClientOptions { BaseAddress = new Uri("http://127.0.0.1/"), MaxResponseBytes = 1234 }.ApplyTo(configured);
        using var bare = new HttpClient();

        Assert.Equal(1234, configured.MaxResponseContentBufferSize);
        Assert.Equal(1234, new SpecHttpInvoker(configured, null, null, null).MaxResponseBytes);
        Assert.Equal(SpecClientOptions.DefaultMaxResponseBytes, new SpecHttpInvoker(bare, null, null, null).MaxResponseBytes);
        Assert.Equal(16 * 1024 * 1024, SpecClientOptions.DefaultMaxResponseBytes);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(1024L * 1024 * 1024 + 1)]
    [InlineData(long.MaxValue)]
    public void MaxResponseBytes_refuses_values_it_cannot_honour(long value)
    {
        var options = new CecChatbotClientOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxResponseBytes = value);
        Assert.Equal(SpecClientOptions.DefaultMaxResponseBytes, options.MaxResponseBytes);
    }

    [Fact]
    public void The_largest_MaxResponseBytes_is_accepted_and_carried()
    {
        using var http = new HttpClient();
        new CecChatbotClientOptions { MaxResponseBytes = SpecClientOptions.LargestMaxResponseBytes }.ApplyTo(http);

        Assert.Equal(SpecClientOptions.LargestMaxResponseBytes, new SpecHttpInvoker(http, null, null, null).MaxResponseBytes);
    }
}

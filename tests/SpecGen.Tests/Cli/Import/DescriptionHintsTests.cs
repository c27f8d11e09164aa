using SpecGen.Cli.Import;

namespace SpecGen.Tests.Cli.Import;

/// <summary>
/// The sentences a description uses for values, defaults, formats and limits: one row per sentence
/// shape, each with the value read, how sure it is, and the page line that shows it. The
/// description's first paragraph is on page line 20, the next on 21, and so on.
/// </summary>
public sealed class DescriptionHintsTests
{
    private const int FirstLine = 20;

    private static PageText Text(string description) => PageText.At(FirstLine, description);

    /// <summary>Values, joined with '|' (an "other values" item is empty); null for no hint.</summary>
    [Theory]
    [InlineData("The value can be 5, 10, 20, 50, or 100.", "String", "5|10|20|50|100", "Sure", 20)]
    [InlineData("The options are INIT (start), SUCCESS (successful), and FAIL (failed).", "String", "INIT|SUCCESS|FAIL", "Sure", 20)]
    [InlineData("Status of the task.\nThe value can be RUNNING, PAUSED or DONE.", "String", "RUNNING|PAUSED|DONE", "Sure", 21)]
    [InlineData("The value must be 0 or 1.", "Integer", "0|1", "Sure", 20)]
    [InlineData("Possible values: ON, OFF", "String", "ON|OFF", "Sure", 20)]
    [InlineData("Valid values: 5, 10", "Integer", "5|10", "Sure", 20)]
    [InlineData("The value is one of asc and desc.", "String", "asc|desc", "Sure", 20)]
    [InlineData("The value can be \"yes\" or \"no\".", "String", "yes|no", "Sure", 20)]
    [InlineData("The value can be A, A, or B.", "String", "A|B", "Sure", 20)]
    [InlineData("取值为A、B、C", "String", "A|B|C", "Sure", 20)]
    [InlineData("Flow type.\nIVR: traditional IVR flow\nBOT: chatbot flow", "String", "IVR|BOT", "Sure", 21)]
    [InlineData("• 0: success\n• 1: failure", "Integer", "0|1", "Sure", 20)]
    [InlineData("Sort order.\n- ASC - ascending\n- DESC - descending", "String", "ASC|DESC", "Sure", 21)]
    [InlineData("Mode.\nA（first）\nB（second）", "String", "A|B", "Sure", 21)]
    [InlineData("The value can be A, B, or other values.", "String", "A|B|", "Proposal", 20)]
    [InlineData("The value can be A, B, etc.", "String", "A|B|etc", "Proposal", 20)]
    [InlineData("Channel.\nWEB: web chat\nAPP: mobile app\nOthers: reserved", "String", "WEB|APP|", "Proposal", 21)]
    [InlineData("Channel.\nWEB: web chat\nAPP: mobile app\nOther values: reserved", "String", "WEB|APP", "Proposal", 21)]
    [InlineData("The value can be 1 or 2. If this parameter is set to 0, all tasks are returned.", "Integer", "1|2", "Proposal", 20)]
    [InlineData("The value can be high, low.", "Integer", "high|low", "Proposal", 20)]
    [InlineData("The value can be Default, Custom.", "String", "Default|Custom", "Proposal", 20)]
    [InlineData("The value can be 5.", "String", null, null, 0)]
    [InlineData("The value can be any string that describes the task.", "String", null, null, 0)]
    [InlineData("Tenant ID.", "String", null, null, 0)]
    [InlineData("IVR: traditional IVR flow", "String", null, null, 0)]
    public void Values(string description, string specType, string? values, string? certainty, int line)
    {
        Hint<IReadOnlyList<string>>? hint = DescriptionHints.Values(Text(description), specType);

        AssertHint(values, certainty, line, hint is null ? null : (string.Join("|", hint.Value), hint.Certainty, hint.PageLine, hint.Note));
    }

    [Theory]
    [InlineData("The value can be A, B, or other values.", "the page lists A, B, 'other values' but also allows other values")]
    [InlineData("The value can be 1 or 2. If this parameter is set to 0, all tasks are returned.", "the page lists 1, 2 and also speaks of 0")]
    [InlineData("The value can be high, low.", "the page lists high, low for a number")]
    [InlineData("The value can be Default, Custom.", "where 'Default' may be a value or a label")]
    public void A_values_proposal_says_why_it_is_not_written(string description, string note)
    {
        Hint<IReadOnlyList<string>>? hint = DescriptionHints.Values(Text(description), description.Contains("high", StringComparison.Ordinal) || description.Contains("1 or 2", StringComparison.Ordinal) ? "Integer" : "String");

        Assert.NotNull(hint);
        Assert.False(hint.IsWritten);
        Assert.Contains(note, hint.Note, StringComparison.Ordinal);
    }

    /// <summary>Defaults; values joined with '|', or null for a field without values.</summary>
    [Theory]
    [InlineData("If this parameter is not transferred, the default value is 1.", null, "Integer", "1", "Sure", 20)]
    [InlineData("The default value is ALL.", null, "String", "ALL", "Sure", 20)]
    [InlineData("Page size.\nThe default value is 20.", null, "Integer", "20", "Sure", 21)]
    [InlineData("The default value of pageSize is 10.", null, "Integer", "10", "Sure", 20)]
    [InlineData("Default is 5.", null, "Long", "5", "Sure", 20)]
    [InlineData("The default value is \"abc\".", null, "String", "abc", "Sure", 20)]
    [InlineData("The default value is true.", null, "Boolean", "true", "Sure", 20)]
    [InlineData("The default value is 0.5.", null, "Number", "0.5", "Sure", 20)]
    [InlineData("默认值为10", null, "Integer", "10", "Sure", 20)]
    [InlineData("The default value is 10.", "5|10|20", "String", "10", "Sure", 20)]
    [InlineData("The default value is 7.", "5|10|20", "String", "7", "Proposal", 20)]
    [InlineData("The default value is abc.", null, "Integer", "abc", "Proposal", 20)]
    [InlineData("The default value is yes.", null, "Boolean", "yes", "Proposal", 20)]
    [InlineData("100 records are displayed on each page by default.", "5|10|20|50|100", "String", "100", "Sure", 20)]
    [InlineData("Page size.\n100 records are displayed on each page by default.", null, "Integer", "100", "Proposal", 21)]
    [InlineData("20 items are returned by default.", null, "Integer", "20", "Proposal", 20)]
    [InlineData("100 records are displayed by default.", "5|10", "Integer", null, null, 0)]
    [InlineData("The default settings apply.", null, "String", null, null, 0)]
    [InlineData("Tenant ID.", null, "String", null, null, 0)]
    public void Default(string description, string? values, string specType, string? value, string? certainty, int line)
    {
        Hint<string>? hint = DescriptionHints.Default(Text(description), values?.Split('|'), specType);

        AssertHint(value, certainty, line, hint is null ? null : (hint.Value, hint.Certainty, hint.PageLine, hint.Note));
    }

    [Theory]
    [InlineData("Format: yyyy-MM-dd HH:mm:ss", "String", "yyyy-MM-dd HH:mm:ss", "Sure", 20)]
    [InlineData("The value is in yyyyMMddHHmmss format.", "String", "yyyyMMddHHmmss", "Sure", 20)]
    [InlineData("Birthday.\nDate in yyyy-MM-dd format.", "Date", "yyyy-MM-dd", "Sure", 21)]
    [InlineData("Start time, a timestamp in milliseconds.", "Long", "unix-ms", "Sure", 20)]
    [InlineData("Timestamp in seconds.", "Long", "unix-s", "Sure", 20)]
    [InlineData("Epoch time, in seconds.", "Long", "unix-s", "Sure", 20)]
    [InlineData("时间戳，单位毫秒", "Long", "unix-ms", "Sure", 20)]
    [InlineData("时间戳，单位秒", "Long", "unix-s", "Sure", 20)]
    [InlineData("The value is in timestamp format.", "Long", "unix-ms", "Assumed", 20)]
    [InlineData("Creation time.\nThe value is in timestamp format.", "Long", "unix-ms", "Assumed", 21)]
    [InlineData("The value is a timestamp.", "String", "unix-ms", "Proposal", 20)]
    [InlineData("Unix time stamp in seconds.", "String", "unix-s", "Proposal", 20)]
    [InlineData("Format: yyyy-MM-dd", "Long", null, null, 0)]
    [InlineData("Name of the queue.", "String", null, null, 0)]
    public void Format(string description, string specType, string? value, string? certainty, int line)
    {
        Hint<string>? hint = DescriptionHints.Format(Text(description), specType);

        AssertHint(value, certainty, line, hint is null ? null : (hint.Value, hint.Certainty, hint.PageLine, hint.Note));
    }

    /// <summary>Length limits: min and max ("-" for none); a row with neither gives no hint. Length hints are always sure.</summary>
    [Theory]
    [InlineData("A string of 1 to 32 characters.", "1", "32", 20)]
    [InlineData("The value contains 0 to 30 characters.", "-", "30", 20)]
    [InlineData("The value contains a maximum of 32 characters.", "-", "32", 20)]
    [InlineData("Name.\nThe value can contain up to 256 characters.", "-", "256", 21)]
    [InlineData("The value cannot exceed 128 bytes.", "-", "128", 20)]
    [InlineData("Max. 64 chars", "-", "64", 20)]
    [InlineData("The password contains at least 8 characters.", "8", "-", 20)]
    [InlineData("At least 6 characters and no more than 20 characters.", "6", "20", 20)]
    [InlineData("Password.\nA minimum of 8 characters.\nA maximum of 16 characters.", "8", "16", 21)]
    [InlineData("长度不超过64个字符", "-", "64", 20)]
    [InlineData("最大长度为128", "-", "128", 20)]
    [InlineData("1~32个字符", "1", "32", 20)]
    [InlineData("A string of 32 to 1 characters.", null, null, 0)]
    [InlineData("At least 30 characters and at most 20 characters.", null, null, 0)]
    [InlineData("At least 0 characters.", null, null, 0)]
    [InlineData("Tenant ID.", null, null, 0)]
    public void Length(string description, string? min, string? max, int line)
    {
        Hint<(int? Min, int? Max)>? hint = DescriptionHints.Length(Text(description));

        if (min is null)
        {
            Assert.Null(hint);
            return;
        }

        Assert.NotNull(hint);
        Assert.Equal((Limit(min), Limit(max)), (hint.Value.Min?.ToString(), hint.Value.Max?.ToString()));
        Assert.Equal(HintCertainty.Sure, hint.Certainty);
        Assert.Equal(line, hint.PageLine);
    }

    /// <summary>Value limits: min and max ("-" for none); a row with neither gives no hint. Range hints are always sure.</summary>
    [Theory]
    [InlineData("The value ranges from 1 to 65535.", "Integer", "1", "65535", 20)]
    [InlineData("Page number, ranging from 1 to 9999.", "Integer", "1", "9999", 20)]
    [InlineData("Value range: 0-100", "Integer", "0", "100", 20)]
    [InlineData("The value is between -10 and 10.", "Integer", "-10", "10", 20)]
    [InlineData("Ratio, ranging from 0.5 to 1.5.", "Number", "0.5", "1.5", 20)]
    [InlineData("取值范围1~50", "Integer", "1", "50", 20)]
    [InlineData("取值范围：1-50", "Integer", "1", "50", 20)]
    [InlineData("Page number.\n1-100", "Integer", "1", "100", 21)]
    [InlineData("Page number.\n1~100\nDefault page.", "Long", "1", "100", 21)]
    [InlineData("The maximum value is 100.", "Integer", "-", "100", 20)]
    [InlineData("The value cannot be greater than 500.", "Long", "-", "500", 20)]
    [InlineData("The minimum value is 5 and the maximum value is 10.", "Integer", "5", "10", 20)]
    [InlineData("Count.\nThe value cannot be less than 1.", "Integer", "1", "-", 21)]
    [InlineData("The value must be greater than 0.", "Integer", "1", "-", 20)]
    [InlineData("The value must be greater than 0.", "Long", "1", "-", 20)]
    [InlineData("最大值为100", "Integer", "-", "100", 20)]
    [InlineData("不能小于1", "Integer", "1", "-", 20)]
    [InlineData("不大于100", "Long", "-", "100", 20)]
    [InlineData("The value must be greater than or equal to 0.", "Integer", "0", "-", 20)]
    [InlineData("The value ranges from 1 to 32 characters.", "Integer", null, null, 0)]
    [InlineData("The value must be greater than 0.", "Number", null, null, 0)]
    [InlineData("The value ranges from 10 to 1.", "Integer", null, null, 0)]
    [InlineData("The maximum value is 100 characters.", "Integer", null, null, 0)]
    [InlineData("Page number.", "Integer", null, null, 0)]
    public void Range(string description, string specType, string? min, string? max, int line)
    {
        Hint<(string? Min, string? Max)>? hint = DescriptionHints.Range(Text(description), specType);

        if (min is null)
        {
            Assert.Null(hint);
            return;
        }

        Assert.NotNull(hint);
        Assert.Equal((Limit(min), Limit(max)), hint.Value);
        Assert.Equal(HintCertainty.Sure, hint.Certainty);
        Assert.Equal(line, hint.PageLine);
    }

    [Theory]
    [InlineData("The value is in timestamp format.", true)]
    [InlineData("Epoch milliseconds.", true)]
    [InlineData("时间戳", true)]
    [InlineData("Time of the call, yyyy-MM-dd HH:mm:ss.", false)]
    public void IsTimestamp(string description, bool expected) => Assert.Equal(expected, DescriptionHints.IsTimestamp(description));

    private static string? Limit(string? cell) => cell is null or "-" ? null : cell;

    private static void AssertHint(string? value, string? certainty, int line, (string Value, HintCertainty Certainty, int Line, string? Note)? hint)
    {
        if (value is null)
        {
            Assert.Null(hint);
            return;
        }

        Assert.NotNull(hint);
        Assert.Equal(value, hint.Value.Value);
        Assert.Equal(Enum.Parse<HintCertainty>(certainty!), hint.Value.Certainty);
        Assert.Equal(line, hint.Value.Line);

        // A sure hint needs no review; anything else says what to review.
        Assert.Equal(hint.Value.Certainty != HintCertainty.Sure, hint.Value.Note is not null);
    }
}

using SpecGen.Cli.Import;

namespace SpecGen.Tests.Cli.Import;

/// <summary>The sentences that state a rule over request fields, one row per shape.</summary>
public sealed class RuleHintsTests
{
    private static readonly string[] Known = ["mobile", "email", "wechatId", "callId", "userMobile", "ctiCallId", "a", "b"];

    /// <summary>Fields joined with '|' in the sentence's order; null for no rule. Rules are always sure.</summary>
    [Theory]
    [InlineData("One of the mobile, email, and wechatId parameters must be transferred.", false, "mobile|email|wechatId", 30)]
    [InlineData("Mobile number.\nOne of the mobile, email, and wechatId parameters must be transferred.", false, "mobile|email|wechatId", 31)]
    [InlineData("At least one of callId, userMobile and ctiCallId must be set.", false, "callId|userMobile|ctiCallId", 30)]
    [InlineData("Either callId or userMobile must be specified.", false, "callId|userMobile", 30)]
    [InlineData("One of a and b needs to be passed.", false, "a|b", 30)]
    [InlineData("One of the fields a and b is required to be provided.", false, "a|b", 30)]
    [InlineData("Exactly one of a and b must be set.", true, "a|b", 30)]
    [InlineData("One and only one of mobile and email must be transferred.", true, "mobile|email", 30)]
    [InlineData("Only one of a and b can be set.", true, "a|b", 30)]
    [InlineData("One of a, unknownField and b must be set.", false, "a|b", 30)]
    [InlineData("One of a and a must be set.", false, null, 0)]
    [InlineData("One of x and y must be set.", false, null, 0)]
    [InlineData("One of a and x must be set.", false, null, 0)]
    [InlineData("Mobile number of the user.", false, null, 0)]
    public void Rule(string description, bool exactlyOne, string? fields, int line)
    {
        Hint<RuleHint>? hint = RuleHints.Find(PageText.At(30, description), Known);

        if (fields is null)
        {
            Assert.Null(hint);
            return;
        }

        Assert.NotNull(hint);
        Assert.Equal((exactlyOne, fields), (hint.Value.ExactlyOne, string.Join("|", hint.Value.Fields)));
        Assert.Equal(HintCertainty.Sure, hint.Certainty);
        Assert.Equal(line, hint.PageLine);
    }
}

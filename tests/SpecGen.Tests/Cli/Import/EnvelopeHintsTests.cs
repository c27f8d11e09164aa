using SpecGen.Cli.Import;

namespace SpecGen.Tests.Cli.Import;

/// <summary>The sentences of a result code's description that say which codes mean success, one row per shape.</summary>
public sealed class EnvelopeHintsTests
{
    [Theory]
    [InlineData("0: success.", "0", "Sure", 40)]
    [InlineData("Error code.\n• 0: success\n• 1: failure", "0", "Sure", 41)]
    [InlineData("Result code.\n0200000: success\n0200001: failed", "0200000", "Sure", 41)]
    [InlineData("The value 0200000 indicates success.", "0200000", "Sure", 40)]
    [InlineData("The value 0 means a successful call.", "0", "Sure", 40)]
    [InlineData("返回码，0200000表示成功", "0200000", "Sure", 40)]
    [InlineData("Return code. OIFDE00000: success; others: failure.", "OIFDE00000", "Sure", 40)]
    [InlineData("0: success, 200: success", "0|200", "Sure", 40)]
    [InlineData("Error code.", "0", "Assumed", 40)]
    [InlineData("Error code.\nSee the error codes.", "0", "Assumed", 40)]
    public void SuccessCodes(string description, string codes, string certainty, int line)
    {
        Hint<IReadOnlyList<string>> hint = EnvelopeHints.SuccessCodes(PageText.At(40, description), "errorCode");

        Assert.Equal(codes, string.Join("|", hint.Value));
        Assert.Equal(Enum.Parse<HintCertainty>(certainty), hint.Certainty);
        Assert.Equal(line, hint.PageLine);
        Assert.Equal(hint.Certainty == HintCertainty.Assumed, hint.Note is not null);
    }

    [Theory]
    [InlineData("If the operation is successful, no error code is returned.", true)]
    [InlineData("This field is not returned on success.", true)]
    [InlineData("0: success.", false)]
    public void MissingIsSuccess(string description, bool missing) => Assert.Equal(missing, EnvelopeHints.MissingIsSuccess(description));
}

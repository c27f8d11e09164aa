using SpecGen.Cli.Import;

namespace SpecGen.Tests.Cli.Import;

/// <summary>Text that knows the page line of each of its parts, so a hint found at an offset names its line.</summary>
public sealed class PageTextTests
{
    [Theory]
    [InlineData(0, 5)]
    [InlineData(6, 5)]
    [InlineData(7, 9)]
    [InlineData(14, 9)]
    [InlineData(15, 12)]
    [InlineData(99, 12)]
    public void LineAt_names_the_page_line_of_the_part_at_an_offset(int offset, int line)
    {
        // "First." on line 5, "Second." on 9 (blank lines between), "Third." on 12.
        PageText text = PageText.Of(PageLine.Split("\n\n\n\nFirst.\n\n\n\nSecond.\n\n\nThird.\n"));

        Assert.Equal("First.\nSecond.\nThird.", text.Text);
        Assert.Equal(line, text.LineAt(offset));
    }

    [Fact]
    public void Append_keeps_both_texts_lines()
    {
        PageText text = PageText.At(3, "a\nb").Append(PageText.At(10, "c"));

        Assert.Equal("a\nb\nc", text.Text);
        Assert.Equal([("a", 3), ("b", 4), ("c", 10)], text.Parts());
        Assert.Equal(10, text.LineAt(4));
    }

    [Fact]
    public void Concat_keeps_the_joints_in_the_parts()
    {
        PageText text = PageText.Concat([("Channel ID", 7), (". The value is 1.", 8), ("\n• 0: none", 9)]);

        Assert.Equal("Channel ID. The value is 1.\n• 0: none", text.Text);
        Assert.Equal(7, text.LineAt(0));
        Assert.Equal(8, text.LineAt(text.Text.IndexOf("The value", StringComparison.Ordinal)));
        Assert.Equal(9, text.LineAt(text.Text.IndexOf('0')));
    }

    [Fact]
    public void Empty_text_is_on_no_line() => Assert.Equal((string.Empty, 0, 0), (PageText.Empty.Text, PageText.Empty.Line, PageText.Empty.LineAt(3)));
}

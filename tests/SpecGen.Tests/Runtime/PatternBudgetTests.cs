using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SpecGen.Tests.Runtime;

/// <summary>How spec patterns are compiled and bounded, and how a map's keys are read.</summary>
public sealed class PatternBudgetTests
{
    private static readonly string Evil = new string('a', 40) + "!";

    [Fact]
    public void A_pattern_NonBacktracking_accepts_runs_in_linear_time_and_gives_a_result()
    {
        Regex pattern = SpecChecks.Pattern(@"^(\w+\s?)*$");

        Assert.True(pattern.Options.HasFlag(RegexOptions.NonBacktracking));
        Assert.DoesNotMatch(pattern, Evil);
        Assert.Matches(pattern, "tea and cake");
    }

    [Theory]
    [InlineData(@"^(a+)\1$")]
    [InlineData(@"^(?=a)\w+$")]
    [InlineData(@"^(?>a+)b$")]
    public void A_pattern_NonBacktracking_refuses_falls_back_to_backtracking_with_a_match_timeout(string text)
    {
        Regex pattern = SpecChecks.Pattern(text);

        Assert.False(pattern.Options.HasFlag(RegexOptions.NonBacktracking));
        Assert.Equal(SpecChecks.PatternMatchTimeout, pattern.MatchTimeout);
    }

    [Fact]
    public void A_cancelled_call_stops_the_pattern_checks_of_its_answer()
    {
        Regex pattern = SpecChecks.Pattern(@"^(\w+\s?)*$(?<=\w)");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        using (SpecPatternBudget.Enter("I", 200, TimeSpan.FromSeconds(30), TimeSpan.Zero, cancellation.Token))
        {
            Assert.Throws<OperationCanceledException>(() => SpecChecks.MatchesPattern(pattern, Evil));
        }

        // The scope is gone: a caller's own Validate() is held by the match timeout only.
        Assert.True(SpecChecks.MatchesPattern(pattern, "tea"));
    }

    [Fact]
    public void A_spent_budget_is_a_timeout_of_the_call()
    {
        Regex pattern = SpecChecks.Pattern(@"^\w+$");

        using (SpecPatternBudget.Enter("GetItem", 200, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), CancellationToken.None))
        {
            var ex = Assert.Throws<SpecTimeoutException>(() => SpecChecks.MatchesPattern(pattern, "tea"));
            Assert.Equal(("GetItem", 200), (ex.InterfaceName, ex.HttpStatus));
        }
    }

    [Fact]
    public void An_infinite_timeout_leaves_only_cancellation()
    {
        Regex pattern = SpecChecks.Pattern(@"^\w+$");

        using (SpecPatternBudget.Enter("I", 200, Timeout.InfiniteTimeSpan, TimeSpan.FromDays(1), CancellationToken.None))
        {
            Assert.True(SpecChecks.MatchesPattern(pattern, "tea"));
        }
    }

    [Theory]
    [InlineData(".", true)]
    [InlineData("..", true)]
    [InlineData("...", false)]
    [InlineData(".a", false)]
    [InlineData("", false)]
    public void Dot_segments_are_exactly_one_and_two_dots(string value, bool expected)
        => Assert.Equal(expected, SpecChecks.IsDotSegment(value));

    [Theory]
    [InlineData("a\rb", true)]
    [InlineData("a\nb", true)]
    [InlineData("a\0b", true)]
    [InlineData("a\tb c", false)]
    public void Header_breaks_are_CR_LF_and_NUL(string value, bool expected)
        => Assert.Equal(expected, SpecChecks.HasLineBreak(value));

    [Fact]
    public void ReadMapOrNull_refuses_a_repeated_key_with_its_path()
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("""{"role":"user","role":"admin"}"""));
        reader.Read();

        SpecJsonException? ex = null;
        try
        {
            SpecJson.ReadMapOrNull<string>(ref reader, SpecJson.ReadString);
        }
        catch (SpecJsonException caught)
        {
            ex = caught;
        }

        Assert.NotNull(ex);
        Assert.Equal("$.role", ex.Path);
        Assert.Contains("more than once", ex.Message, StringComparison.Ordinal);
    }
}

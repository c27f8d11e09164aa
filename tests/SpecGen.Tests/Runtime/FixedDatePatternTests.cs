using System.Globalization;

namespace SpecGen.Tests.Runtime;

/// <summary>
/// The fast date check must give the framework's answer for every value: it is compared with
/// <c>DateTime.TryParseExact</c> on valid dates and on many values one edit away from valid.
/// </summary>
public sealed class FixedDatePatternTests
{
    private static readonly string[] Patterns =
    [
        "yyyy-MM-dd HH:mm:ss",
        "yyyyMMddHHmmss",
        "yyyy-MM-dd",
        "yyyyMMdd",
        "HH:mm",
        "HH:mm:ss",
        "yyyy/MM/dd HH:mm",
        "yyyy-MM-ddTHH:mm:ss.fff",
        "yyyy-MM-dd HH:mm:ss,fffffff",
        "MM/yyyy",
        "yyyy_MM_dd",
    ];

    public static TheoryData<string> FixedPatterns => new(Patterns);

    [Theory]
    [MemberData(nameof(FixedPatterns))]
    public void The_fast_path_takes_the_fixed_patterns(string format)
    {
        Assert.True(FixedDatePattern.TryCheck("x", format, out bool valid));
        Assert.False(valid);
    }

    [Theory]
    [InlineData("yyyy-M-d")]
    [InlineData("yy-MM-dd")]
    [InlineData("dd MMM yyyy")]
    [InlineData("hh:mm tt")]
    [InlineData("yyyy-MM-dd'T'HH:mm")]
    [InlineData("MM-dd")]
    [InlineData("yyyy-MM-dd HH:mm:ss zzz")]
    [InlineData("yyyy-MM-dd HH:mm:ss.FFF")]
    [InlineData("yyyy yyyy")]
    public void Other_patterns_are_left_to_the_framework(string format)
        => Assert.False(FixedDatePattern.TryCheck("2022-02-21 20:04:38", format, out _));

    [Theory]
    [InlineData("2022-02-21 20:04:38", true)]
    [InlineData("2024-02-29 23:59:59", true)]
    [InlineData("2023-02-29 10:00:00", false)]
    [InlineData("2022-02-30 10:00:00", false)]
    [InlineData("2022-04-31 10:00:00", false)]
    [InlineData("2022-02-21 24:00:00", false)]
    [InlineData("2022-02-21 20:60:00", false)]
    [InlineData("2022-02-21 20:04:60", false)]
    [InlineData("0000-01-01 00:00:00", false)]
    [InlineData("2022-13-01 00:00:00", false)]
    [InlineData("2022-00-01 00:00:00", false)]
    [InlineData("2022-01-00 00:00:00", false)]
    [InlineData("2022-02-21T20:04:38", false)]
    [InlineData("2022-02-21 20:04:38 ", false)]
    [InlineData(" 2022-02-21 20:04:38", false)]
    [InlineData("2022-2-21 20:04:38", false)]
    [InlineData("٢٠٢٢-02-21 20:04:38", false)]
    [InlineData("", false)]
    public void Strict_meaning_is_kept(string value, bool expected)
    {
        Assert.Equal(expected, SpecFormats.IsValid(value, "yyyy-MM-dd HH:mm:ss"));
        Assert.Equal(expected, Framework(value, "yyyy-MM-dd HH:mm:ss"));
    }

    [Theory]
    [MemberData(nameof(FixedPatterns))]
    public void Every_value_one_edit_from_a_date_gets_the_frameworks_answer(string format)
    {
        var random = new Random(format.GetHashCode(StringComparison.Ordinal) ^ 12345);
        const string noise = "0123456789-: T/._,x٣\0";
        int checkedValues = 0;
        for (int i = 0; i < 3_000; i++)
        {
            DateTime date = RandomDate(random);
            string valid = date.ToString(format, CultureInfo.InvariantCulture);
            Compare(valid, format);
            checkedValues++;

            // One edit: a character replaced, dropped, doubled, or a field pushed to its edge.
            char[] chars = valid.ToCharArray();
            int at = random.Next(chars.Length);
            chars[at] = noise[random.Next(noise.Length)];
            Compare(new string(chars), format);
            Compare(valid.Remove(at, 1), format);
            Compare(valid.Insert(at, valid[at].ToString()), format);
            Compare(string.Concat(valid.AsSpan(0, at), EdgeDigits(random), valid.AsSpan(Math.Min(valid.Length, at + 2))), format);
            checkedValues += 4;
        }

        Assert.Equal(15_000, checkedValues);
    }

    [Fact]
    public void Checking_dates_allocates_nothing_even_with_more_patterns_than_it_remembers_by_reference()
    {
        string[] formats = [.. Patterns, "yyyy-M-d", "dd MMM yyyy", "unix-ms"];
        string[] values = formats.Select(f => f == "unix-ms" ? "1648805539000" : new DateTime(2022, 2, 21, 20, 4, 38, DateTimeKind.Unspecified).ToString(f, CultureInfo.InvariantCulture)).ToArray();
        for (int i = 0; i < formats.Length; i++)
        {
            Assert.True(SpecFormats.IsValid(values[i], formats[i]), formats[i]);
        }

        // The fixed patterns and the epoch format: the framework's own parser allocates for the others.
        int[] fast = Enumerable.Range(0, formats.Length).Where(i => formats[i] is not ("yyyy-M-d" or "dd MMM yyyy")).ToArray();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 0; round < 100; round++)
        {
            foreach (int i in fast)
            {
                Assert.True(SpecFormats.IsValid(values[i], formats[i]));
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void Compare(string value, string format)
    {
        bool expected = Framework(value, format);
        bool fast = FixedDatePattern.TryCheck(value, format, out bool valid) ? valid : throw new InvalidOperationException("The fast path declined " + format);
        Assert.True(expected == fast, $"'{value}' against '{format}': the framework says {expected}, the fast path {fast}.");
    }

    private static bool Framework(string value, string format)
        => DateTime.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static DateTime RandomDate(Random random)
    {
        int year = random.Next(4) switch { 0 => 1, 1 => 9999, 2 => 2000 + random.Next(4), _ => random.Next(1, 10000) };
        int month = random.Next(1, 13);
        int day = random.Next(2) == 0 ? DateTime.DaysInMonth(year, month) : random.Next(1, DateTime.DaysInMonth(year, month) + 1);
        return new DateTime(year, month, day, random.Next(24), random.Next(60), random.Next(60), DateTimeKind.Unspecified).AddTicks(random.Next(10_000_000));
    }

    private static string EdgeDigits(Random random) => new[] { "00", "01", "12", "13", "23", "24", "28", "29", "30", "31", "32", "59", "60", "99" }[random.Next(14)];
}

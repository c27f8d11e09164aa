using SpecGen.Benchmarks;

namespace SpecGen.Benchmarks.Tests;

/// <summary>Every validator finds no error in the valid request and the same three in the invalid one.</summary>
public sealed class ValidationBenchmarksTests
{
    [Theory]
    [InlineData("valid", 0)]
    [InlineData("invalid", 3)]
    public void Every_variant_counts_the_same_errors(string request, int errors)
    {
        var benchmarks = new ValidationBenchmarks { Request = request };
        benchmarks.Setup();

        var counts = new Dictionary<string, int>
        {
            [nameof(ValidationBenchmarks.HandWritten)] = benchmarks.HandWritten(),
            [nameof(ValidationBenchmarks.HandWrittenTryParseExact)] = benchmarks.HandWrittenTryParseExact(),
            [nameof(ValidationBenchmarks.DataAnnotations)] = benchmarks.DataAnnotations(),
            [nameof(ValidationBenchmarks.FluentValidation)] = benchmarks.FluentValidation(),
            [nameof(ValidationBenchmarks.SpecGenValidate)] = benchmarks.SpecGenValidate(),
        };

        Assert.All(counts, c => Assert.True(c.Value == errors, $"{c.Key} found {c.Value} errors in the {request} request, not {errors}."));
    }

    [Theory]
    [InlineData("2022-02-21 20:04:38", true)]
    [InlineData("2024-02-29 23:59:59", true)]
    [InlineData("0001-01-01 00:00:00", true)]
    [InlineData("2022-02-30 10:00:00", false)]
    [InlineData("2023-02-29 10:00:00", false)]
    [InlineData("2022-04-31 10:00:00", false)]
    [InlineData("2022-13-01 10:00:00", false)]
    [InlineData("2022-00-10 10:00:00", false)]
    [InlineData("2022-02-00 10:00:00", false)]
    [InlineData("2022-02-21 24:00:00", false)]
    [InlineData("2022-02-21 20:60:00", false)]
    [InlineData("2022-02-21 20:04:60", false)]
    [InlineData("0000-01-01 00:00:00", false)]
    [InlineData("2022-02-21T20:04:38", false)]
    [InlineData("2022/02/21 20:04:38", false)]
    [InlineData("2022-02-21 20:04:3", false)]
    [InlineData("2022-02-21 20:04:380", false)]
    [InlineData("2022-0a-21 20:04:38", false)]
    [InlineData("2022-02-21 20:04:+8", false)]
    public void The_fixed_shape_date_check_means_what_TryParseExact_means(string value, bool valid)
    {
        Assert.Equal(valid, HandWrittenValidation.IsFixedShapeDate(value));
        Assert.Equal(valid, DateTime.TryParseExact(value, "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _));
    }
}

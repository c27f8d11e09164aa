using System.Text.Json.Serialization;

namespace SpecGen.Benchmarks;

/// <summary>
/// QueryTransferRecordHistory's request as a user without SpecGen writes it: plain properties whose
/// JSON names are the page's, in the page's order, so every serializer writes the same bytes as SpecGen.
/// </summary>
public sealed class PocoRequest
{
    [JsonPropertyName("tenantId")]
    public string? TenantId { get; set; }

    [JsonPropertyName("authToken")]
    public string? AuthToken { get; set; }

    [JsonPropertyName("beginTime")]
    public string? BeginTime { get; set; }

    [JsonPropertyName("endTime")]
    public string? EndTime { get; set; }

    [JsonPropertyName("pageNum")]
    public string? PageNum { get; set; }

    [JsonPropertyName("pageSize")]
    public string? PageSize { get; set; }

    [JsonPropertyName("callId")]
    public string? CallId { get; set; }

    [JsonPropertyName("userMobile")]
    public string? UserMobile { get; set; }

    [JsonPropertyName("ctiCallId")]
    public string? CtiCallId { get; set; }
}

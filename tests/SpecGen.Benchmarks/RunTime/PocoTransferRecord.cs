using System.Text.Json.Serialization;

namespace SpecGen.Benchmarks;

/// <summary>One transferRecord of the response, as a plain class.</summary>
public sealed class PocoTransferRecord
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("tenantId")]
    public string? TenantId { get; set; }

    [JsonPropertyName("callId")]
    public string? CallId { get; set; }

    [JsonPropertyName("ctiCallId")]
    public string? CtiCallId { get; set; }

    [JsonPropertyName("flowInstId")]
    public string? FlowInstId { get; set; }

    [JsonPropertyName("callingNumber")]
    public string? CallingNumber { get; set; }

    [JsonPropertyName("calledNumber")]
    public string? CalledNumber { get; set; }

    [JsonPropertyName("transfNumber")]
    public string? TransfNumber { get; set; }

    [JsonPropertyName("startTime")]
    public long? StartTime { get; set; }

    [JsonPropertyName("endTime")]
    public long? EndTime { get; set; }

    [JsonPropertyName("recordFilePath")]
    public string? RecordFilePath { get; set; }

    [JsonPropertyName("locationId")]
    public string? LocationId { get; set; }

    [JsonPropertyName("opResult")]
    public string? OpResult { get; set; }

    [JsonPropertyName("recordResult")]
    public string? RecordResult { get; set; }
}

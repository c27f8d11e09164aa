using System.Text.Json.Serialization;

namespace SpecGen.Benchmarks;

/// <summary>QueryTransferRecordHistory's response as a plain class, the peers' counterpart of SpecGen's.</summary>
public sealed class PocoResponse
{
    [JsonPropertyName("errorCode")]
    public int? ErrorCode { get; set; }

    [JsonPropertyName("errorMessage")]
    public string? ErrorMessage { get; set; }

    [JsonPropertyName("total")]
    public long? Total { get; set; }

    // A settable list, as SpecGen's DTO has it: both are filled by their readers, not by callers.
#pragma warning disable CA2227
    [JsonPropertyName("transferRecordList")]
    public List<PocoTransferRecord>? TransferRecordList { get; set; }
#pragma warning restore CA2227
}

using System.Globalization;
using System.Text;
using Cec.Chatbot;
using SpecGen.Benchmarks;

namespace SpecGen.Benchmarks.Tests;

/// <summary>
/// A response as text, every field with its JSON name and null spelled out, so that the plain classes
/// and SpecGen's DTOs can be compared field by field.
/// </summary>
internal static class ResponseText
{
    public static string Of(PocoResponse response)
    {
        var text = new StringBuilder();
        Head(text, response.ErrorCode, response.ErrorMessage, response.Total, response.TransferRecordList?.Count);
        foreach (PocoTransferRecord r in response.TransferRecordList ?? [])
        {
            Record(text, r.Id, r.TenantId, r.CallId, r.CtiCallId, r.FlowInstId, r.CallingNumber, r.CalledNumber, r.TransfNumber, r.StartTime, r.EndTime, r.RecordFilePath, r.LocationId, r.OpResult, r.RecordResult);
        }

        return text.ToString();
    }

    public static string Of(QueryTransferRecordHistoryResponse response)
    {
        var text = new StringBuilder();
        Head(text, response.ErrorCode, response.ErrorMessage, response.Total, response.TransferRecordList?.Count);
        foreach (TransferRecord r in response.TransferRecordList ?? [])
        {
            Record(text, r.Id, r.TenantId, r.CallId, r.CtiCallId, r.FlowInstId, r.CallingNumber, r.CalledNumber, r.TransfNumber, r.StartTime, r.EndTime, r.RecordFilePath, r.LocationId, r.OpResult, r.RecordResult);
        }

        return text.ToString();
    }

    private static void Head(StringBuilder text, int? errorCode, string? errorMessage, long? total, int? records)
        => text.AppendLine(CultureInfo.InvariantCulture, $"errorCode={Show(errorCode)} errorMessage={Show(errorMessage)} total={Show(total)} records={Show(records)}");

    private static void Record(StringBuilder text, string? id, string? tenantId, string? callId, string? ctiCallId, string? flowInstId, string? callingNumber, string? calledNumber, string? transfNumber, long? startTime, long? endTime, string? recordFilePath, string? locationId, string? opResult, string? recordResult)
        => text.AppendLine(CultureInfo.InvariantCulture, $"id={Show(id)} tenantId={Show(tenantId)} callId={Show(callId)} ctiCallId={Show(ctiCallId)} flowInstId={Show(flowInstId)} callingNumber={Show(callingNumber)} calledNumber={Show(calledNumber)} transfNumber={Show(transfNumber)} startTime={Show(startTime)} endTime={Show(endTime)} recordFilePath={Show(recordFilePath)} locationId={Show(locationId)} opResult={Show(opResult)} recordResult={Show(recordResult)}");

    private static string Show<T>(T? value) => value is null ? "null" : "'" + Convert.ToString(value, CultureInfo.InvariantCulture) + "'";
}

using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Cec.Chatbot;

namespace SpecGen.Benchmarks;

/// <summary>
/// The inputs every run-time benchmark shares: the reference page's request, a request that breaks
/// three of its rules, and a response of the page's shape with many records.
/// </summary>
public static class CecSamples
{
    /// <summary>The URL of QueryTransferRecordHistory, relative to the service's base address.</summary>
    public const string Url = "/oifde/rest/api/queryTransferRecordHistory";

    /// <summary>The page's example request, all nine fields set (three of them empty, as the page sends them).</summary>
    public static PocoRequest ValidRequest() => new()
    {
        TenantId = "202204017094",
        AuthToken = "P********************oN1ix",
        BeginTime = "2022-02-21 20:04:38",
        EndTime = string.Empty,
        PageNum = "1",
        PageSize = "5",
        CallId = "1648805538-165717321823298",
        UserMobile = string.Empty,
        CtiCallId = string.Empty,
    };

    /// <summary>
    /// Three errors: the mandatory tenantId empty, a beginTime of the right shape on a day that does
    /// not exist, and a pageSize outside its values. The at-least-one rule still holds.
    /// </summary>
    public static PocoRequest InvalidRequest()
    {
        PocoRequest request = ValidRequest();
        request.TenantId = string.Empty;
        request.BeginTime = "2022-02-30 10:00:00";
        request.PageSize = "7";
        return request;
    }

    /// <summary>The same request as SpecGen's generated DTO.</summary>
    public static QueryTransferRecordHistoryRequest ToSpecGen(PocoRequest request) => new()
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

    /// <summary>
    /// A successful response with <paramref name="records"/> transfer records, compact as a server sends
    /// it. Every tenth record has a null endTime and no recordFilePath, so readers meet both kinds of absence.
    /// </summary>
    public static byte[] ResponseJson(int records)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("errorCode", 0);
            writer.WriteString("errorMessage", "success!");
            writer.WriteNumber("total", records);
            writer.WriteStartArray("transferRecordList");
            for (int i = 0; i < records; i++)
            {
                string n = i.ToString(CultureInfo.InvariantCulture);
                long start = 1648805539000L + (i * 60_000L);
                writer.WriteStartObject();
                writer.WriteString("id", (202204013156893697L + i).ToString(CultureInfo.InvariantCulture));
                writer.WriteString("tenantId", "202204017094");
                writer.WriteString("callId", "1648805538-1657173218232" + n);
                writer.WriteString("ctiCallId", "1648805538-" + n);
                writer.WriteString("flowInstId", "88880301202204011732186311648805538-1657173218232" + n);
                writer.WriteString("callingNumber", "8888" + (3010 + i).ToString(CultureInfo.InvariantCulture));
                writer.WriteString("calledNumber", "30502");
                writer.WriteString("transfNumber", "88880302");
                writer.WriteNumber("startTime", start);
                if (i % 10 == 9)
                {
                    writer.WriteNull("endTime");
                }
                else
                {
                    writer.WriteNumber("endTime", start + 19_000L);
                    writer.WriteString("recordFilePath", "Y:/61/transferrecord/20220401/7744" + n + ".wav");
                }

                writer.WriteString("locationId", "0");
                writer.WriteString("opResult", (i % 3) switch { 0 => "SUCCESS", 1 => "FAIL", _ => "INIT" });
                writer.WriteString("recordResult", i % 3 == 0 ? "0" : "N/A");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

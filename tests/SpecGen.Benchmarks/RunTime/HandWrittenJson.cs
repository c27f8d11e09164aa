using System.Text.Json;

namespace SpecGen.Benchmarks;

/// <summary>
/// What a careful human writes over Utf8JsonReader/Utf8JsonWriter for the CEC request and response:
/// pre-encoded property names, ValueTextEquals to match them, nulls left out when writing and read as null.
/// </summary>
public static class HandWrittenJson
{
    private static readonly JsonEncodedText TenantId = JsonEncodedText.Encode("tenantId");
    private static readonly JsonEncodedText AuthToken = JsonEncodedText.Encode("authToken");
    private static readonly JsonEncodedText BeginTime = JsonEncodedText.Encode("beginTime");
    private static readonly JsonEncodedText EndTime = JsonEncodedText.Encode("endTime");
    private static readonly JsonEncodedText PageNum = JsonEncodedText.Encode("pageNum");
    private static readonly JsonEncodedText PageSize = JsonEncodedText.Encode("pageSize");
    private static readonly JsonEncodedText CallId = JsonEncodedText.Encode("callId");
    private static readonly JsonEncodedText UserMobile = JsonEncodedText.Encode("userMobile");
    private static readonly JsonEncodedText CtiCallId = JsonEncodedText.Encode("ctiCallId");

    public static void WriteRequest(Utf8JsonWriter writer, PocoRequest request)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(request);
        writer.WriteStartObject();
        WriteIfSet(writer, TenantId, request.TenantId);
        WriteIfSet(writer, AuthToken, request.AuthToken);
        WriteIfSet(writer, BeginTime, request.BeginTime);
        WriteIfSet(writer, EndTime, request.EndTime);
        WriteIfSet(writer, PageNum, request.PageNum);
        WriteIfSet(writer, PageSize, request.PageSize);
        WriteIfSet(writer, CallId, request.CallId);
        WriteIfSet(writer, UserMobile, request.UserMobile);
        WriteIfSet(writer, CtiCallId, request.CtiCallId);
        writer.WriteEndObject();
    }

    /// <summary>Reads a response from the start of <paramref name="json"/>; unknown properties are skipped.</summary>
    public static PocoResponse ReadResponse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        Expect(ref reader, JsonTokenType.StartObject);
        var response = new PocoResponse();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("errorCode"u8))
            {
                reader.Read();
                response.ErrorCode = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
            }
            else if (reader.ValueTextEquals("errorMessage"u8))
            {
                reader.Read();
                response.ErrorMessage = reader.GetString();
            }
            else if (reader.ValueTextEquals("total"u8))
            {
                reader.Read();
                response.Total = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();
            }
            else if (reader.ValueTextEquals("transferRecordList"u8))
            {
                reader.Read();
                response.TransferRecordList = reader.TokenType == JsonTokenType.Null ? null : ReadRecords(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return response;
    }

    private static List<PocoTransferRecord> ReadRecords(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected an array of transfer records.");
        }

        var records = new List<PocoTransferRecord>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            records.Add(ReadRecord(ref reader));
        }

        return records;
    }

    private static PocoTransferRecord ReadRecord(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected a transfer record object.");
        }

        var record = new PocoTransferRecord();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // The names in the order the server writes them, so the first comparisons usually match.
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                record.Id = reader.GetString();
            }
            else if (reader.ValueTextEquals("tenantId"u8))
            {
                reader.Read();
                record.TenantId = reader.GetString();
            }
            else if (reader.ValueTextEquals("callId"u8))
            {
                reader.Read();
                record.CallId = reader.GetString();
            }
            else if (reader.ValueTextEquals("ctiCallId"u8))
            {
                reader.Read();
                record.CtiCallId = reader.GetString();
            }
            else if (reader.ValueTextEquals("flowInstId"u8))
            {
                reader.Read();
                record.FlowInstId = reader.GetString();
            }
            else if (reader.ValueTextEquals("callingNumber"u8))
            {
                reader.Read();
                record.CallingNumber = reader.GetString();
            }
            else if (reader.ValueTextEquals("calledNumber"u8))
            {
                reader.Read();
                record.CalledNumber = reader.GetString();
            }
            else if (reader.ValueTextEquals("transfNumber"u8))
            {
                reader.Read();
                record.TransfNumber = reader.GetString();
            }
            else if (reader.ValueTextEquals("startTime"u8))
            {
                reader.Read();
                record.StartTime = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();
            }
            else if (reader.ValueTextEquals("endTime"u8))
            {
                reader.Read();
                record.EndTime = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();
            }
            else if (reader.ValueTextEquals("recordFilePath"u8))
            {
                reader.Read();
                record.RecordFilePath = reader.GetString();
            }
            else if (reader.ValueTextEquals("locationId"u8))
            {
                reader.Read();
                record.LocationId = reader.GetString();
            }
            else if (reader.ValueTextEquals("opResult"u8))
            {
                reader.Read();
                record.OpResult = reader.GetString();
            }
            else if (reader.ValueTextEquals("recordResult"u8))
            {
                reader.Read();
                record.RecordResult = reader.GetString();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return record;
    }

    private static void WriteIfSet(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (!reader.Read() || reader.TokenType != token)
        {
            throw new JsonException($"Expected {token}.");
        }
    }
}

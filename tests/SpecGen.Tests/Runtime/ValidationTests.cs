using System.Globalization;
using Cec.Chatbot;

namespace SpecGen.Tests.Runtime;

/// <summary>
/// The generated <c>Validate()</c> of the shipped spec: one passing and one failing case per
/// rule, each failure checked by its exact path and code.
/// </summary>
public sealed class ValidationTests
{
    [Fact]
    public void A_complete_request_is_valid()
    {
        ValidationResult result = ValidRequest().Validate();

        Assert.True(result.IsValid, result.ToString());
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Mandatory_field_missing_or_empty(string? tenantId)
    {
        QueryTransferRecordHistoryRequest request = ValidRequest();
        request.TenantId = tenantId;

        Assert.Equal([("tenantId", "mandatory")], Errors(request.Validate()));
    }

    [Fact]
    public void Every_mandatory_field_is_reported_in_spec_order()
    {
#pragma warning disable SPEC1001 // Missing on purpose: the analyzer is right, Validate() must agree.
        var request = new QueryTransferRecordHistoryRequest { UserMobile = "13800000000" };
#pragma warning restore SPEC1001

        Assert.Equal([("tenantId", "mandatory"), ("authToken", "mandatory")], Errors(request.Validate()));
    }

    [Theory]
    [InlineData("5", true)]
    [InlineData("100", true)]
    [InlineData("7", false)]
    [InlineData("05", false)]
    [InlineData(" 5", false)]
    public void Values(string pageSize, bool valid)
    {
        QueryTransferRecordHistoryRequest request = ValidRequest();
        request.PageSize = pageSize;

        Assert.Equal(valid ? [] : [("pageSize", "values")], Errors(request.Validate()));
    }

    [Theory]
    [InlineData("2022-02-21 20:04:38", true)]
    [InlineData("2024-02-29 00:00:00", true)]
    [InlineData("2023-02-29 00:00:00", false)]
    [InlineData("2022-02-21T20:04:38", false)]
    [InlineData("2022-2-21 20:04:38", false)]
    [InlineData("2022-02-21 20:04", false)]
    [InlineData("2022-02-21 20:04:38 ", false)]
    [InlineData("21/02/2022 20:04:38", false)]
    public void Date_format_is_parsed_exactly(string beginTime, bool valid)
    {
        QueryTransferRecordHistoryRequest request = ValidRequest();
        request.BeginTime = beginTime;
        request.EndTime = beginTime;

        Assert.Equal(valid ? [] : [("beginTime", "format"), ("endTime", "format")], Errors(request.Validate()));
    }

    [Theory]
    [InlineData("fi-FI")] // writes times as 20.04.38
    [InlineData("ar-SA")] // counts years in the Um Al-Qura calendar
    [InlineData("th-TH")] // counts years in the Buddhist era
    public void Date_format_does_not_depend_on_the_current_culture(string culture)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            QueryTransferRecordHistoryRequest request = ValidRequest();
            request.BeginTime = "2022-02-21 20:04:38";
#pragma warning disable SPEC1004 // Broken on purpose: the analyzer is right, Validate() must agree.
            request.EndTime = "2022-02-21 20.04.38";
#pragma warning restore SPEC1004

            Assert.Equal([("endTime", "format")], Errors(request.Validate()));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData(0L, true)]
    [InlineData(1648805539000L, true)]
    [InlineData(253402300799999L, true)] // 9999-12-31T23:59:59.999Z
    [InlineData(-1L, false)]
    [InlineData(253402300800000L, false)]
    [InlineData(long.MaxValue, false)]
    public void Unix_milliseconds_range(long startTime, bool valid)
    {
        TransferRecord record = ValidRecord();
        record.StartTime = startTime;
        record.EndTime = startTime;

        Assert.Equal(valid ? [] : [("startTime", "format"), ("endTime", "format")], Errors(record.Validate()));
    }

    [Fact]
    public void Missing_unix_milliseconds_is_mandatory_not_format()
    {
        TransferRecord record = ValidRecord();
#pragma warning disable SPEC1002 // Missing on purpose: the analyzer is right, Validate() must agree.
        record.StartTime = null;
#pragma warning restore SPEC1002

        Assert.Equal([("startTime", "mandatory")], Errors(record.Validate()));
    }

    [Theory]
    [InlineData("1", null, null, true)]
    [InlineData(null, "2", null, true)]
    [InlineData(null, null, "3", true)]
    [InlineData("1", "2", "3", true)]
    [InlineData(null, null, null, false)]
    [InlineData("", "", "", false)]
    [InlineData(null, "", null, false)]
    public void At_least_one_of_callId_userMobile_ctiCallId(string? callId, string? userMobile, string? ctiCallId, bool valid)
    {
        QueryTransferRecordHistoryRequest request = ValidRequest();
        request.CallId = callId;
        request.UserMobile = userMobile;
        request.CtiCallId = ctiCallId;

        ValidationResult result = request.Validate();

        Assert.Equal(valid ? [] : [(string.Empty, "atLeastOne")], Errors(result));
        Assert.All(result.Errors, e => Assert.Contains("'callId', 'userMobile', 'ctiCallId'", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_of_nested_records_carry_their_path()
    {
        TransferRecord[] records = [ValidRecord(), ValidRecord(), ValidRecord(), ValidRecord()];
        records[1].Id = string.Empty;
#pragma warning disable SPEC1003 // Not allowed on purpose: the analyzer is right, Validate() must agree.
        records[3].OpResult = "DONE";
#pragma warning restore SPEC1003
        var response = new QueryTransferRecordHistoryResponse { ErrorCode = 0, ErrorMessage = "success!", TransferRecordList = [.. records] };

        Assert.Equal([("transferRecordList[1].id", "mandatory"), ("transferRecordList[3].opResult", "values")], Errors(response.Validate()));
    }

    [Fact]
    public void A_valid_response_with_records_is_valid()
    {
        var response = new QueryTransferRecordHistoryResponse { ErrorCode = 0, ErrorMessage = "success!", Total = 2, TransferRecordList = [ValidRecord(), ValidRecord()] };

        Assert.Empty(Errors(response.Validate()));
        Assert.Equal([("errorCode", "mandatory")], Errors(new QueryTransferRecordHistoryResponse { ErrorMessage = "x" }.Validate()));
    }

    [Fact]
    public void Validating_a_valid_object_allocates_nothing()
    {
        QueryTransferRecordHistoryRequest request = ValidRequest();
        request.BeginTime = "2022-02-21 20:04:38";
        request.PageSize = "20";
        var response = new QueryTransferRecordHistoryResponse { ErrorCode = 0, ErrorMessage = "ok", TransferRecordList = [ValidRecord(), ValidRecord()] };

        // The first calls pay for JIT and static caches; the second ones must not allocate.
        Assert.True(request.Validate().IsValid);
        Assert.True(response.Validate().IsValid);

        long before = GC.GetAllocatedBytesForCurrentThread();
        bool valid = request.Validate().IsValid & response.Validate().IsValid;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(valid);
        Assert.Equal(0, allocated);
    }

    private static (string Path, string Code)[] Errors(ValidationResult result)
        => result.Errors.Select(e => (e.Path, e.Code)).ToArray();

    private static QueryTransferRecordHistoryRequest ValidRequest() => new()
    {
        TenantId = "202204017094",
        AuthToken = "token",
        CallId = "1648805538-165717321823298",
    };

    private static TransferRecord ValidRecord() => new()
    {
        Id = "202204013156893697",
        TenantId = "202204017094",
        CallId = "1648805538-165717321823298",
        CtiCallId = "1648805538-1657",
        FlowInstId = "88880301202204011732186311648805538-165717321823298",
        CallingNumber = "88880301",
        CalledNumber = "30502",
        TransfNumber = "88880302",
        StartTime = 1648805539000,
        LocationId = "0",
        OpResult = "SUCCESS",
    };
}

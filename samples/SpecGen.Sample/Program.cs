using System.Text.Json;
using Cec.Chatbot;

// The request of the reference page, built with the generated types.
var request = new QueryTransferRecordHistoryRequest
{
    TenantId = "202204017094",
    AuthToken = "P********************oN1ix",
    BeginTime = "2022-02-21 20:04:38",
    PageNum = "1",
    PageSize = "5",
    CallId = "1648805538-165717321823298",
};

Console.WriteLine("Request (secrets masked):");
Console.WriteLine("  " + request);
Console.WriteLine("Validation: " + request.Validate());
Console.WriteLine("JSON body:");
Console.WriteLine("  " + JsonSerializer.Serialize(request));
Console.WriteLine();

// The response of the reference page, comments and all.
var options = new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip };
QueryTransferRecordHistoryResponse response = JsonSerializer.Deserialize<QueryTransferRecordHistoryResponse>(QueryTransferRecordHistoryExamples.Response, options)!;
Console.WriteLine($"Response: errorCode={response.ErrorCode}, errorMessage={response.ErrorMessage}, total={response.Total}");
RecordTable.Print(response.TransferRecordList ?? []);

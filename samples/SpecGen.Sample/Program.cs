using Cec.Chatbot;
using Microsoft.Extensions.DependencyInjection;
using SpecGen;
using SpecGen.Testing;

// A fake CEC server generated from the same spec, on a free loopback port.
await using SpecFakeServer server = CecChatbotFake.Create();
await server.StartAsync();
Console.WriteLine($"Fake CEC server listening on {server.BaseAddress}");

// The client, registered through IHttpClientFactory. service.yaml declares the token flow: the
// client calls GetToken with these credentials, caches the token and puts it in authToken.
var services = new ServiceCollection();
services.AddCecChatbotClient(options =>
{
    options.BaseAddress = server.BaseAddress;
    options.AppKey = "202204017094";          // the tenant ID
    options.AppSecret = "demo-api-password";  // the IVR's API password; never logged or printed
});
await using ServiceProvider provider = services.BuildServiceProvider();
ICecChatbotClient client = provider.GetRequiredService<ICecChatbotClient>();

// 1. The reference page's request; the answer is the page's example response.
var request = new QueryTransferRecordHistoryRequest
{
    TenantId = "202204017094",
    BeginTime = "2022-02-21 20:04:38",
    PageNum = "1",
    PageSize = "5",
    CallId = "1648805538-165717321823298",
};
Console.WriteLine();
Console.WriteLine("1. QueryTransferRecordHistory (the client gets its token from GetToken first)");
QueryTransferRecordHistoryResponse response = await client.QueryTransferRecordHistoryAsync(request);
Console.WriteLine($"   token calls so far: {server.Tokens!.Issued}; requests the server received: {string.Join(", ", server.Requests.Select(r => r.InterfaceName))}");
Console.WriteLine($"   errorCode={response.ErrorCode}, errorMessage={response.ErrorMessage}, total={response.Total}");
RecordTable.Print(response.TransferRecordList ?? []);

// 2. A request that breaks its spec never leaves the process. The analyzers already flag these
//    literals while typing (SPEC1003, SPEC1004, SPEC1005); the demo silences them to show the run-time check.
Console.WriteLine();
Console.WriteLine("2. A request with pageSize 7, a slash date and no call ID");
try
{
#pragma warning disable SPEC1003, SPEC1004, SPEC1005
    await client.QueryTransferRecordHistoryAsync(new QueryTransferRecordHistoryRequest
    {
        TenantId = "202204017094",
        BeginTime = "2022/02/21",
        PageSize = "7",
    });
#pragma warning restore SPEC1003, SPEC1004, SPEC1005
}
catch (SpecRequestValidationException ex)
{
    Console.WriteLine($"   Rejected before sending ({server.Requests.Count} request(s) reached the server so far):");
    foreach (ValidationError error in ex.Validation.Errors)
    {
        Console.WriteLine($"   - {(error.Path.Length == 0 ? "(request)" : error.Path)} [{error.Code}] {error.Message}");
    }
}

// 3. The server answers an error code: a typed exception with the code and message.
Console.WriteLine();
Console.WriteLine("3. The server answers errorCode 1001");
server.Answer("QueryTransferRecordHistory", """{ "errorCode": 1001, "errorMessage": "The tenant does not exist." }""");
try
{
    await client.QueryTransferRecordHistoryAsync(request);
}
catch (SpecErrorCodeException ex)
{
    Console.WriteLine($"   {ex.GetType().Name}: code {ex.ErrorCode}, message \"{ex.ErrorMessage}\", HTTP {ex.HttpStatus}");
    Console.WriteLine($"   {ex.Message}");
}

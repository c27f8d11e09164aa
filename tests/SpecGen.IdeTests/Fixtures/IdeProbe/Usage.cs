using Cec.Chatbot;

namespace IdeProbe;

public static class Usage
{
    // SPEC1001 on purpose: 'tenantId' is mandatory and left unset.
    public static object Create() => Send(new QueryTransferRecordHistoryRequest { CallId = "c" });

    private static object Send(QueryTransferRecordHistoryRequest request) => request;
}

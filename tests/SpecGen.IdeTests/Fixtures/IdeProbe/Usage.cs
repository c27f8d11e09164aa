using Cec.Chatbot;

namespace IdeProbe;

public static class Usage
{
    // SPEC1001 on purpose: 'tenantId' is mandatory and left unset. The token is set so that SPEC1007 (Info) stays out.
    public static object Create() => Send(new QueryTransferRecordHistoryRequest { CallId = "c", AuthToken = "token" });

    private static object Send(QueryTransferRecordHistoryRequest request) => request;
}

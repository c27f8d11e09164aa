using System.Net.Http.Json;

namespace SpecGen.Benchmarks;

/// <summary>
/// The call as a user writes it with HttpClient and the System.Text.Json source-generated context:
/// post the request, read the answer, check the envelope's errorCode.
/// </summary>
public sealed class HandWrittenCecClient(HttpClient http)
{
    public async Task<PocoResponse> QueryTransferRecordHistoryAsync(PocoRequest request, CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await http.PostAsJsonAsync(CecSamples.Url, request, PocoJsonContext.Default.PocoRequest, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        PocoResponse? body = await response.Content.ReadFromJsonAsync(PocoJsonContext.Default.PocoResponse, cancellationToken).ConfigureAwait(false);
        return EnsureSuccess(body);
    }

    /// <summary>The envelope check a user writes after any CEC call: errorCode 0 or an exception.</summary>
    public static PocoResponse EnsureSuccess(PocoResponse? body)
    {
        if (body is null)
        {
            throw new HttpRequestException("The CEC server answered no body.");
        }

        if (body.ErrorCode != 0)
        {
            throw new HttpRequestException($"The CEC server answered errorCode {body.ErrorCode}: {body.ErrorMessage}");
        }

        return body;
    }
}

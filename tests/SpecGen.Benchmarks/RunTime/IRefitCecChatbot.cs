using Refit;

namespace SpecGen.Benchmarks;

/// <summary>QueryTransferRecordHistory as a Refit interface, over the same plain classes.</summary>
public interface IRefitCecChatbot
{
    [Post(CecSamples.Url)]
    Task<PocoResponse> QueryTransferRecordHistoryAsync([Body] PocoRequest request, CancellationToken cancellationToken = default);
}

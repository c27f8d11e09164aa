namespace SpecGen.Testing;

/// <summary>
/// What a test set up for one interface over its answers: failures for the next calls, and a delay.
/// Requests arrive several at a time, so the count of failures left is taken with one atomic step.
/// </summary>
internal sealed class SpecFakeScenario
{
    private readonly object _gate = new();
    private int _failuresLeft;
    private SpecFakeFault _fault;
    private int? _status;

    public TimeSpan Delay { get; set; }

    public void FailNext(int count, SpecFakeFault fault, int? status)
    {
        lock (_gate)
        {
            _failuresLeft = count;
            _fault = fault;
            _status = status;
        }
    }

    /// <summary>The answer to send instead of <paramref name="answer"/>.</summary>
    /// <param name="answer">The answer the request would have had.</param>
    /// <param name="errorBody">The service's error envelope for an HTTP status.</param>
    public SpecFakeAnswer Apply(SpecFakeAnswer answer, Func<int, string> errorBody)
    {
        SpecFakeFault fault;
        int? status;
        lock (_gate)
        {
            if (_failuresLeft == 0)
            {
                return Delay > TimeSpan.Zero ? answer.WithDelay(Delay) : answer;
            }

            _failuresLeft--;
            fault = _fault;
            status = _status;
        }

        SpecFakeAnswer failure = status is int code
            ? new SpecFakeAnswer(code, errorBody(code))
            : answer.WithFault(fault);
        return Delay > TimeSpan.Zero ? failure.WithDelay(Delay) : failure;
    }
}

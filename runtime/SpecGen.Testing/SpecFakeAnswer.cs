namespace SpecGen.Testing;

/// <summary>What the fake server answers to one interface.</summary>
public sealed class SpecFakeAnswer
{
    /// <summary>Creates an answer.</summary>
    public SpecFakeAnswer(int status, string? body, TimeSpan delay = default)
    {
        Status = status;
        Body = body;
        Delay = delay;
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>The body, sent as <c>application/json</c>; null for none.</summary>
    public string? Body { get; }

    /// <summary>How long to wait before answering, to test timeouts.</summary>
    public TimeSpan Delay { get; }
}

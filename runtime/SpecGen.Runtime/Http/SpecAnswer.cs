namespace SpecGen;

/// <summary>What the server sent back for one request: its status, reason phrase and whole body.</summary>
internal readonly struct SpecAnswer
{
    public SpecAnswer(int status, string? reasonPhrase, SpecPooledBody body)
    {
        Status = status;
        ReasonPhrase = reasonPhrase;
        Body = body;
    }

    public int Status { get; }

    public string? ReasonPhrase { get; }

    /// <summary>The body; whoever holds the answer gives it back with <see cref="SpecPooledBody.Return()"/>.</summary>
    public SpecPooledBody Body { get; }
}

namespace SpecGen;

/// <summary>What one answer did to its session: the version a newer value it carried became, if any.</summary>
internal sealed class SpecSessionAnswer
{
    /// <summary>Set, on the thread that reads the answer's headers, before the answer is interpreted.</summary>
    public long? Version { get; set; }
}

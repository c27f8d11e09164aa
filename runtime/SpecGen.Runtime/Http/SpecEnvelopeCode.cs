using System.ComponentModel;

namespace SpecGen;

/// <summary>
/// The envelope code of a parsed answer, as the generated client reads it from the response
/// object: a string, or a number kept as a number so that checking it allocates nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SpecEnvelopeCode
{
    /// <summary>A code carried as a string; null when the answer has none.</summary>
    public SpecEnvelopeCode(string? text)
    {
        Text = text;
        Number = null;
    }

    /// <summary>A code carried as a number; null when the answer has none.</summary>
    public SpecEnvelopeCode(long? number)
    {
        Text = null;
        Number = number;
    }

    /// <summary>The code when it is a string.</summary>
    public string? Text { get; }

    /// <summary>The code when it is a number.</summary>
    public long? Number { get; }

    /// <summary>True when the answer carries no code at all.</summary>
    public bool IsMissing => Text is null && Number is null;
}

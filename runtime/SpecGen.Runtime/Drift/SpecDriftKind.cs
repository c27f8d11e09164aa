namespace SpecGen;

/// <summary>How an answer of a real server departs from its spec.</summary>
public enum SpecDriftKind
{
    /// <summary>The answer has a property the spec does not list. Its value is never reported.</summary>
    UnexpectedProperty,

    /// <summary>A value has another JSON type than the spec's (a number where the spec says String, say).</summary>
    WrongType,

    /// <summary>A value is not one of the field's <c>values</c>.</summary>
    ValueNotAllowed,

    /// <summary>A mandatory field is absent, null, or an empty string.</summary>
    MissingMandatory,

    /// <summary>The envelope code is neither a success code, a token rejection code, nor a code listed for the check.</summary>
    UnlistedEnvelopeCode,

    /// <summary>A successful answer is not well-formed JSON.</summary>
    Malformed,
}

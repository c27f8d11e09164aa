namespace SpecGen;

/// <summary>The unit in which a token interface states its token's validity (<c>token.answer.unit</c> of service.yaml).</summary>
public enum SpecTokenUnit
{
    /// <summary>Milliseconds.</summary>
    Milliseconds,

    /// <summary>Seconds.</summary>
    Seconds,

    /// <summary>Minutes.</summary>
    Minutes,

    /// <summary>Hours.</summary>
    Hours,
}

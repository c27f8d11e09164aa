namespace SpecGen.Generator.Spec;

/// <summary>
/// The one rule behind most verdicts (docs/diff.md): a request that accepts less breaks its callers,
/// a response that may hold more breaks its readers; the other way round is only news.
/// </summary>
internal static class Verdicts
{
    /// <summary>The verdict on a change that makes what the spec allows narrower (a value removed, a limit tightened).</summary>
    public static ChangeSeverity Narrowed(ChangeDirection direction)
        => direction == ChangeDirection.Response ? ChangeSeverity.Info : ChangeSeverity.Breaking;

    /// <summary>The verdict on a change that makes what the spec allows wider (a value added, a limit loosened).</summary>
    public static ChangeSeverity Widened(ChangeDirection direction)
        => direction == ChangeDirection.Response ? ChangeSeverity.Breaking : ChangeSeverity.Info;

    public static ChangeSeverity Judge(ChangeDirection direction, bool narrower) => narrower ? Narrowed(direction) : Widened(direction);
}

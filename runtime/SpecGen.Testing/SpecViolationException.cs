namespace SpecGen.Testing;

/// <summary>
/// Thrown by <see cref="SpecFakeServer.AssertNoViolations"/>: the fake received requests that break
/// their spec. The message lists every one, so a test's last line says all that went wrong.
/// </summary>
public sealed class SpecViolationException : Exception
{
    /// <summary>Creates the exception for <paramref name="violations"/>.</summary>
    public SpecViolationException(IReadOnlyList<SpecViolation> violations)
        : base(Describe(violations))
    {
        Violations = violations;
    }

    /// <summary>Creates the exception with no violations listed.</summary>
    public SpecViolationException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SpecViolationException(string message)
        : base(message)
    {
        Violations = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public SpecViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Violations = [];
    }

    /// <summary>Every violation recorded, in the order the requests arrived.</summary>
    public IReadOnlyList<SpecViolation> Violations { get; }

    private static string Describe(IReadOnlyList<SpecViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var text = new System.Text.StringBuilder();
        text.Append(violations.Count).Append(violations.Count == 1 ? " request violation" : " request violations").Append(" of the spec:");
        foreach (SpecViolation violation in violations)
        {
            text.AppendLine().Append("  ").Append(violation);
        }

        return text.ToString();
    }
}

using System;
using System.Collections.Generic;

namespace SpecGen;

/// <summary>The options of the drift check of one client registration (<c>AddSpecDriftCheck(o => ...)</c>).</summary>
public sealed class SpecDriftCheckOptions
{
    /// <summary>
    /// Envelope codes that are not drift although the spec does not list them: the pages name
    /// their error codes in prose, which a spec does not carry. The spec's own list is the
    /// envelope's success codes, the token flow's <c>rejected</c> codes (and whatever
    /// <see cref="SpecClientOptions.TokenRejectionCodes"/> adds) and the code field's <c>values</c>.
    /// </summary>
    public ISet<string> ListedEnvelopeCodes { get; } = new HashSet<string>(StringComparer.Ordinal);
}

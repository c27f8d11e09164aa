using System.ComponentModel;

namespace SpecGen;

/// <summary>
/// Implemented by a generated response class that has fields at <c>position: Header</c>: the
/// client fills them from the answer's headers before it validates the answer.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ISpecResponseHeaderFields
{
    /// <summary>Sets the header fields from <paramref name="headers"/>.</summary>
    void ReadHeaders(SpecResponseHeaders headers);
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SpecGen.Generator.Diagnostics;

/// <summary>
/// Where something stands in a spec file. Unlike <see cref="Location"/> it is value-equatable,
/// so it can live in cached pipeline models.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>No place in any file: for problems of the build's settings.</summary>
    public static readonly LocationInfo None = new(string.Empty, default, default);

    public Location ToLocation() => FilePath.Length == 0 ? Location.None : Location.Create(FilePath, Span, LineSpan);

    /// <summary>The start of the file, for problems that belong to the file as a whole.</summary>
    public static LocationInfo FileStart(string filePath)
        => new(filePath, default, default);
}

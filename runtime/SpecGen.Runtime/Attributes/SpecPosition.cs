namespace SpecGen;

/// <summary>Where a request field travels.</summary>
public enum SpecPosition
{
    /// <summary>In the JSON body.</summary>
    Body,

    /// <summary>In the query string.</summary>
    Query,

    /// <summary>In the URL path, in place of <c>{name}</c>.</summary>
    Path,

    /// <summary>In an HTTP header of that name.</summary>
    Header,
}

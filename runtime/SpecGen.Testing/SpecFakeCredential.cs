namespace SpecGen.Testing;

/// <summary>A credential of the token interface, as the fake reads it back from a token request.</summary>
/// <param name="position">Where it travels; a dotted path reaches into objects of the JSON body.</param>
/// <param name="path">Its name, or a dotted path such as <c>reqBody.userId</c>.</param>
public sealed class SpecFakeCredential(SpecPosition position, string path)
{
    /// <summary>Where it travels.</summary>
    public SpecPosition Position { get; } = position;

    /// <summary>Its name, or a dotted path into the JSON body.</summary>
    public string Path { get; } = path ?? throw new ArgumentNullException(nameof(path));
}

namespace SpecGen.Testing;

/// <summary>A file part of a <c>multipart/form-data</c> request the fake server received.</summary>
/// <param name="Name">The part's name: the request field's spec name.</param>
/// <param name="FileName">The part's <c>filename</c>, if it had one.</param>
/// <param name="ContentType">The part's <c>Content-Type</c>, if it had one.</param>
/// <param name="Content">The part's bytes.</param>
public sealed record SpecFakeFormFile(string Name, string? FileName, string? ContentType, byte[] Content);

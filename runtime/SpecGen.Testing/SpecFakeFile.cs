namespace SpecGen.Testing;

/// <summary>The file of a file answer: how to open its bytes, and the headers that describe it.</summary>
internal sealed record SpecFakeFile(Func<Stream> Open, string ContentType, string? FileName, long? Length);

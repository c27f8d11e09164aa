using System.Text.Json;

namespace SpecGen;

/// <summary>Reads a value from the JSON at the reader's current token; generated <c>ReadJson</c> methods have this shape.</summary>
public delegate T SpecJsonReader<out T>(ref Utf8JsonReader reader);

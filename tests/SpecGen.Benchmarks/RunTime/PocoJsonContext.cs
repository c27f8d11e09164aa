using System.Text.Json.Serialization;

namespace SpecGen.Benchmarks;

/// <summary>
/// The System.Text.Json source-generated serializer of the plain classes: what a user who wants
/// reflection-free JSON writes. Nulls are left out, as SpecGen leaves out a field that is not set.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PocoRequest))]
[JsonSerializable(typeof(PocoResponse))]
internal sealed partial class PocoJsonContext : JsonSerializerContext
{
}

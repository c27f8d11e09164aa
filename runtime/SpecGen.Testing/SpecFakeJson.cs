using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SpecGen.Testing;

/// <summary>
/// Reads a body into a generated DTO of another assembly: the fakes that a test project generates for
/// the services of the project it references (docs/testing.md) call it, since the generated readers are
/// internal to that project and its JSON context is their public door.
/// </summary>
public static class SpecFakeJson
{
    /// <summary>
    /// Reads <paramref name="json"/> into a <typeparamref name="T"/> with the generated reader behind
    /// <paramref name="context"/>, under the reader options generated code uses.
    /// </summary>
    /// <typeparam name="T">A generated DTO of the service.</typeparam>
    /// <param name="json">The body, one JSON value.</param>
    /// <param name="context">The service's generated JSON context, such as <c>CecChatbotJsonContext.Default</c>.</param>
    /// <returns>The DTO.</returns>
    /// <exception cref="JsonException">The body is not well-formed JSON, does not fit the type (a <see cref="SpecJsonException"/>), or is <c>null</c>.</exception>
    public static T Read<T>(byte[] json, JsonSerializerContext context)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetTypeInfo(typeof(T)) is not JsonTypeInfo<T> typeInfo)
        {
            throw new ArgumentException($"{context.GetType().Name} has no metadata of {typeof(T).Name}.", nameof(context));
        }

        var reader = new Utf8JsonReader(json, SpecJson.ReaderOptions);
        return JsonSerializer.Deserialize(ref reader, typeInfo) ?? throw new JsonException($"The body is null, not a {typeof(T).Name}.");
    }
}

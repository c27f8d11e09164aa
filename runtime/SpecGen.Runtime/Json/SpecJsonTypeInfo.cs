using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SpecGen;

/// <summary>
/// Builds the metadata that a generated JSON context hands to <see cref="JsonSerializer"/>: a value
/// info over the DTO's generated converter, so the serializer never reflects over the type.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SpecJsonTypeInfo
{
    /// <summary>
    /// The metadata of <typeparamref name="T"/> for <paramref name="options"/>. A converter for the type
    /// in <see cref="JsonSerializerOptions.Converters"/> wins over the generated one, as it does in
    /// System.Text.Json's own generated contexts.
    /// </summary>
    /// <param name="options">The options the serializer asks for.</param>
    /// <param name="converter">The DTO's generated converter.</param>
    /// <param name="resolver">The context that resolved the type.</param>
    public static JsonTypeInfo<T> Create<T>(JsonSerializerOptions options, JsonConverter<T> converter, IJsonTypeInfoResolver resolver)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        JsonTypeInfo<T> typeInfo = JsonMetadataServices.CreateValueInfo<T>(options, RuntimeConverter(typeof(T), options) ?? converter);
        typeInfo.OriginatingResolver = resolver;
        return typeInfo;
    }

    private static JsonConverter? RuntimeConverter(Type type, JsonSerializerOptions options)
    {
        foreach (JsonConverter? candidate in options.Converters)
        {
            if (candidate is not null && candidate.CanConvert(type))
            {
                if (candidate is not JsonConverterFactory factory)
                {
                    return candidate;
                }

                JsonConverter? created = factory.CreateConverter(type, options);
                return created is null or JsonConverterFactory
                    ? throw new InvalidOperationException($"The converter factory '{factory.GetType()}' returned null or a factory for '{type}'.")
                    : created;
            }
        }

        return null;
    }
}

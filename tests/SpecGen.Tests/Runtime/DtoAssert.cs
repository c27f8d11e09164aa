using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace SpecGen.Tests.Runtime;

/// <summary>
/// Compares a generated DTO with JSON value by value, through the <see cref="SpecFieldAttribute"/>
/// that maps each property to its JSON name: every JSON property must be read into its property,
/// and every property the JSON lacks must stay null.
/// </summary>
internal static class DtoAssert
{
    /// <summary>Checks <paramref name="dto"/> against <paramref name="json"/>; returns how many values were compared.</summary>
    public static int Matches(JsonElement json, object dto, string path = "$")
    {
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        Dictionary<string, PropertyInfo> properties = dto.GetType().GetProperties()
            .Where(p => p.GetCustomAttribute<SpecFieldAttribute>() is not null)
            .ToDictionary(p => p.GetCustomAttribute<SpecFieldAttribute>()!.Name, StringComparer.Ordinal);
        Assert.NotEmpty(properties);

        int compared = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in json.EnumerateObject())
        {
            string propertyPath = path + "." + property.Name;
            Assert.True(properties.TryGetValue(property.Name, out PropertyInfo? info), $"{propertyPath} has no property on {dto.GetType().Name}.");
            seen.Add(property.Name);
            compared += Value(property.Value, info!.GetValue(dto), propertyPath);
        }

        foreach ((string name, PropertyInfo info) in properties.Where(p => !seen.Contains(p.Key)))
        {
            Assert.Equal((path + "." + name, (object?)null), (path + "." + name, info.GetValue(dto)));
        }

        return compared;
    }

    private static int Value(JsonElement expected, object? actual, string path)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.True(actual is not null, $"{path} is null.");
                return Matches(expected, actual!, path);
            case JsonValueKind.Array:
                IList list = Assert.IsAssignableFrom<IList>(actual);
                Assert.Equal((path, expected.GetArrayLength()), (path, list.Count));
                int compared = 0;
                for (int i = 0; i < list.Count; i++)
                {
                    compared += Value(expected[i], list[i], $"{path}[{i}]");
                }

                return compared;
            case JsonValueKind.String:
                Assert.Equal((path, (object?)expected.GetString()), (path, actual));
                return 1;
            case JsonValueKind.Number:
                object? number = actual switch
                {
                    int => expected.GetInt32(),
                    long => expected.GetInt64(),
                    double => expected.GetDouble(),
                    _ => expected.GetRawText(),
                };
                Assert.Equal((path, number), (path, actual));
                return 1;
            case JsonValueKind.True or JsonValueKind.False:
                Assert.Equal((path, (object?)expected.GetBoolean()), (path, actual));
                return 1;
            default:
                Assert.Equal((path, (object?)null), (path, actual));
                return 1;
        }
    }
}

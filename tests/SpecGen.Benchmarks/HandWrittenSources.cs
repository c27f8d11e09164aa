using System.Globalization;
using System.Text;

namespace SpecGen.Benchmarks;

/// <summary>
/// What a user would write by hand instead of the specs of <see cref="BenchmarkSpecs"/>: per interface
/// POCO DTOs with DataAnnotations attributes (the rule as <c>IValidatableObject</c>), and for the
/// service one System.Text.Json source-generated context listing every DTO and one Refit interface
/// with a method per interface (as SpecGen's one client per service has). The STJ and Refit source
/// generators write the rest.
/// </summary>
internal static class HandWrittenSources
{
    public static IEnumerable<(string Path, string Text)> Create(int interfaces)
    {
        for (int i = 0; i < interfaces; i++)
        {
            yield return ($"/consumer/Shop/Query{i}.cs", Dtos(i));
        }

        yield return ("/consumer/Shop/ShopJsonContext.cs", JsonContext(interfaces));
        yield return ("/consumer/Shop/IShopApi.cs", RefitInterface(interfaces));
    }

    private static string Dtos(int i) => string.Format(CultureInfo.InvariantCulture, """
        #nullable enable
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.Text.Json.Serialization;

        namespace Consumer.Shop;

        /// <summary>The request of Query{0}.</summary>
        public sealed class Query{0}Request : IValidatableObject
        {{
            /// <summary>Tenant ID.</summary>
            [Required, JsonPropertyName("tenantId")]
            public string? TenantId {{ get; set; }}

            [Required, JsonPropertyName("authToken")]
            public string? AuthToken {{ get; set; }}

            [RegularExpression(@"^\d{{4}}-\d{{2}}-\d{{2}} \d{{2}}:\d{{2}}:\d{{2}}$"), JsonPropertyName("beginTime")]
            public string? BeginTime {{ get; set; }}

            [AllowedValues("5", "10", "20"), JsonPropertyName("pageSize")]
            public string? PageSize {{ get; set; }} = "10";

            [JsonPropertyName("callId")]
            public string? CallId {{ get; set; }}

            [JsonPropertyName("userMobile")]
            public string? UserMobile {{ get; set; }}

            public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
            {{
                if (string.IsNullOrEmpty(CallId) && string.IsNullOrEmpty(UserMobile))
                {{
                    yield return new ValidationResult("At least one of 'callId', 'userMobile' must be set.", new[] {{ nameof(CallId), nameof(UserMobile) }});
                }}
            }}
        }}

        /// <summary>The response of Query{0}.</summary>
        public sealed class Query{0}Response
        {{
            [Required, JsonPropertyName("errorCode")]
            public int? ErrorCode {{ get; set; }}

            [Required, JsonPropertyName("errorMessage")]
            public string? ErrorMessage {{ get; set; }}

            [JsonPropertyName("records")]
            public List<Record{0}>? Records {{ get; set; }}
        }}

        public sealed class Record{0}
        {{
            [Required, JsonPropertyName("id")]
            public string? Id {{ get; set; }}

            [JsonPropertyName("startTime")]
            public long? StartTime {{ get; set; }}

            [AllowedValues("INIT", "SUCCESS", "FAIL"), JsonPropertyName("result")]
            public string? Result {{ get; set; }}
        }}
        """, i);

    private static string JsonContext(int interfaces)
    {
        var text = new StringBuilder("using System.Text.Json.Serialization;\n\nnamespace Consumer.Shop;\n\n");
        text.AppendLine("[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]");
        for (int i = 0; i < interfaces; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"[JsonSerializable(typeof(Query{i}Request))]\n[JsonSerializable(typeof(Query{i}Response))]\n");
        }

        return text.Append("public sealed partial class ShopJsonContext : JsonSerializerContext\n{\n}\n").ToString();
    }

    private static string RefitInterface(int interfaces)
    {
        var text = new StringBuilder("using System.Threading;\nusing System.Threading.Tasks;\nusing Refit;\n\nnamespace Consumer.Shop;\n\npublic interface IShopApi\n{\n");
        for (int i = 0; i < interfaces; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"    [Post(\"/shop/api/query{i}\")]\n    Task<Query{i}Response> Query{i}Async([Body] Query{i}Request request, CancellationToken cancellationToken = default);\n\n");
        }

        return text.Append("}\n").ToString();
    }
}

using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SpecGen.Benchmarks;

/// <summary>
/// The folder of specs the generator and compile benchmarks share: a service.yaml and N interfaces of
/// one shape (six request fields with values, a format, a secret token, a rule; a nested type; an example).
/// </summary>
internal static class BenchmarkSpecs
{
    public const string Service = "service: Shop\nnamespace: Consumer.Shop\nenvelope: { code: errorCode, message: errorMessage, success: \"0\" }\n";

    public static AdditionalText[] Create(int count)
        => Enumerable.Range(0, count)
            .Select(i => (AdditionalText)new Spec($"/consumer/spec/shop/interface{i}.yaml", Interface(i, "Tenant ID.")))
            .Prepend(new Spec("/consumer/spec/shop/service.yaml", Service))
            .ToArray();

    public static string Interface(int i, string description) => string.Format(CultureInfo.InvariantCulture, """
        interface: Query{0}
        method: POST
        url: /shop/api/query{0}
        request:
          - {{ name: tenantId, type: String, mandatory: Yes, description: {1} }}
          - {{ name: authToken, type: String, mandatory: Yes, secret: true, token: true }}
          - {{ name: beginTime, type: String, format: yyyy-MM-dd HH:mm:ss }}
          - {{ name: pageSize, type: String, values: ["5", "10", "20"], default: "10" }}
          - {{ name: callId, type: String }}
          - {{ name: userMobile, type: String }}
        rules:
          - atLeastOne: [callId, userMobile]
        response:
          - {{ name: errorCode, type: Integer, mandatory: Yes }}
          - {{ name: errorMessage, type: String, mandatory: Yes }}
          - {{ name: records, type: "record{0}[]" }}
        types:
          record{0}:
            - {{ name: id, type: String, mandatory: Yes }}
            - {{ name: startTime, type: Long, format: unix-ms }}
            - {{ name: result, type: String, values: [INIT, SUCCESS, FAIL] }}
        examples:
          response: |
            {{ "errorCode": 0, "errorMessage": "ok", "records": [ {{ "id": "1", "startTime": 1648805539000, "result": "SUCCESS" }} ] }}
        """, i, description);

    public sealed class Spec(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}

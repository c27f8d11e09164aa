using System.Collections.Generic;

namespace SpecGen.Generator.Spec;

/// <summary>The keys each kind of YAML mapping accepts (docs/spec-format.md).</summary>
internal static class SpecKeys
{
    public static readonly IReadOnlyList<string> Service = new[] { "service", "namespace", "baseUrl", "envelope", "token" };

    public static readonly IReadOnlyList<string> Token = new[] { "interface", "credentials", "answer", "carry", "rejected" };

    public static readonly IReadOnlyList<string> TokenAnswer = new[] { "token", "validity", "unit", "default" };

    public static readonly IReadOnlyList<string> TokenCarry = new[] { "body", "header" };

    public static readonly IReadOnlyList<string> TokenUnits = new[] { "milliseconds", "seconds", "minutes", "hours" };

    public static readonly IReadOnlyList<string> Envelope = new[] { "code", "message", "success" };

    public static readonly IReadOnlyList<string> Interface = new[]
    {
        "interface", "title", "description", "method", "url", "request", "response", "types", "rules", "examples",
    };

    public static readonly IReadOnlyList<string> Field = new[]
    {
        "name", "type", "position", "mandatory", "description", "values", "default", "format", "pattern",
        "minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems", "secret", "token", "csharpName", "typeName", "fields",
    };

    public static readonly IReadOnlyList<string> Rule = new[] { "atLeastOne", "exactlyOne" };

    public static readonly IReadOnlyList<string> Examples = new[] { "request", "response" };

    public static readonly IReadOnlyList<string> HttpMethods = new[] { "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS" };
}

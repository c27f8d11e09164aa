using System.Collections.Generic;

namespace SpecGen.Generator.Spec;

/// <summary>The keys each kind of YAML mapping accepts (docs/spec-format.md).</summary>
internal static class SpecKeys
{
    public static readonly IReadOnlyList<string> Service = new[] { "service", "namespace", "baseUrl", "envelope", "token", "signed", "session" };

    public static readonly IReadOnlyList<string> Token = new[] { "interface", "credentials", "answer", "carry", "rejected", "needs", "send" };

    public static readonly IReadOnlyList<string> TokenAnswer = new[] { "token", "validity", "unit", "default" };

    public static readonly IReadOnlyList<string> TokenCarry = new[] { "body", "header", "query", "cookie", "prefix" };

    public static readonly IReadOnlyList<string> Signed = new[] { "header" };

    public static readonly IReadOnlyList<string> Session = new[] { "signIn", "credentials", "answer", "carry", "rotates", "signOut", "rejected" };

    public static readonly IReadOnlyList<string> SessionAnswer = new[] { "header", "cookie" };

    public static readonly IReadOnlyList<string> SessionCarry = new[] { "header" };

    public static readonly IReadOnlyList<string> TokenUnits = new[] { "milliseconds", "seconds", "minutes", "hours" };

    public static readonly IReadOnlyList<string> Envelope = new[] { "code", "message", "success" };

    public static readonly IReadOnlyList<string> Interface = new[]
    {
        "interface", "title", "description", "method", "url", "request", "response", "responseBody", "types", "rules", "examples",
    };

    /// <summary>The values of <c>responseBody</c>: a JSON answer (the default) or a file that the client streams.</summary>
    public static readonly IReadOnlyList<string> ResponseBodies = new[] { "json", "file" };

    public static readonly IReadOnlyList<string> Field = new[]
    {
        "name", "type", "position", "mandatory", "description", "values", "default", "format", "pattern",
        "minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems", "secret", "token", "csharpName", "typeName", "fields",
    };

    public static readonly IReadOnlyList<string> Rule = new[] { "atLeastOne", "exactlyOne" };

    public static readonly IReadOnlyList<string> Examples = new[] { "request", "response" };

    public static readonly IReadOnlyList<string> HttpMethods = new[] { "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS" };

    /// <summary>The keys of <see cref="Interface"/> by name, for code that writes specs (the importer).</summary>
    public static class InterfaceKey
    {
        public const string Interface = "interface";
        public const string Title = "title";
        public const string Description = "description";
        public const string Method = "method";
        public const string Url = "url";
        public const string Request = "request";
        public const string Response = "response";
        public const string ResponseBody = "responseBody";
        public const string Types = "types";
        public const string Rules = "rules";
        public const string Examples = "examples";
    }

    /// <summary>The keys of <see cref="Field"/> by name, for code that writes specs.</summary>
    public static class FieldKey
    {
        public const string Name = "name";
        public const string Type = "type";
        public const string Position = "position";
        public const string Mandatory = "mandatory";
        public const string Description = "description";
        public const string Values = "values";
        public const string Default = "default";
        public const string Format = "format";
        public const string Pattern = "pattern";
        public const string MinLength = "minLength";
        public const string MaxLength = "maxLength";
        public const string Minimum = "minimum";
        public const string Maximum = "maximum";
        public const string MinItems = "minItems";
        public const string MaxItems = "maxItems";
        public const string Secret = "secret";
        public const string Token = "token";
        public const string CSharpName = "csharpName";
        public const string TypeName = "typeName";
        public const string Fields = "fields";
    }

    /// <summary>The keys of <see cref="Service"/> by name, for code that writes specs.</summary>
    public static class ServiceKey
    {
        public const string Service = "service";
        public const string Namespace = "namespace";
        public const string BaseUrl = "baseUrl";
        public const string Envelope = "envelope";
        public const string Token = "token";
        public const string Signed = "signed";
        public const string Session = "session";
    }

    /// <summary>The keys of <see cref="Envelope"/> by name, for code that writes specs.</summary>
    public static class EnvelopeKey
    {
        public const string Code = "code";
        public const string Message = "message";
        public const string Success = "success";
    }

    /// <summary>The keys of <see cref="Rule"/> by name, for code that writes specs.</summary>
    public static class RuleKey
    {
        public const string AtLeastOne = "atLeastOne";
        public const string ExactlyOne = "exactlyOne";
    }

    /// <summary>The keys of <see cref="Examples"/> by name, for code that writes specs.</summary>
    public static class ExampleKey
    {
        public const string Request = "request";
        public const string Response = "response";
    }
}

namespace SpecGen.Generator.Common;

/// <summary>
/// The names that generated code, the runtime and the analyzers must agree on, in one place:
/// a rename here is a rename everywhere, and binding reserves exactly what the emitters declare.
/// </summary>
internal static class KnownNames
{
    /// <summary>The runtime's namespace, as generated code refers to it.</summary>
    public const string Runtime = "global::SpecGen";

    /// <summary>The runtime's SpecGen.Testing namespace, as generated fakes refer to it.</summary>
    public const string Testing = "global::SpecGen.Testing";

    // Suffixes of the classes generated per interface and per service.
    public const string RequestSuffix = "Request";
    public const string ResponseSuffix = "Response";
    public const string ExamplesSuffix = "Examples";
    public const string ClientSuffix = "Client";
    public const string OptionsSuffix = "ClientOptions";
    public const string ExtensionsSuffix = "ClientServiceCollectionExtensions";

    /// <summary>The factory of named clients, one per tenant: <c>I{Service}ClientFactory</c> and its class <c>{Service}ClientFactory</c>.</summary>
    public const string FactorySuffix = "ClientFactory";

    /// <summary>Where the <c>Add{Service}Client</c> registrations live, as the platform's own <c>AddHttpClient</c> does.</summary>
    public const string RegistrationNamespace = "Microsoft.Extensions.DependencyInjection";
    public const string FakeSuffix = "Fake";

    /// <summary>The JSON name of a field that is the whole body (a spec row named <c>-</c>), as <c>[SpecField]</c> carries it to the analyzers.</summary>
    public const string WholeBodyJsonName = "-";

    /// <summary>The service's <c>JsonSerializerContext</c>: <c>{Service}JsonContext</c>, as System.Text.Json names its contexts.</summary>
    public const string JsonContextSuffix = "JsonContext";
    public const string AsyncSuffix = "Async";

    // Members every generated DTO declares. A spec field may not take one of these names.
    public const string Validate = "Validate";
    public const string ValidateInto = "ValidateInto";
    public const string ReadJson = "ReadJson";
    public const string WriteJson = "WriteJson";
    public const string WithToken = "WithToken";

    public const string WithTokens = "WithTokens";
    public const string JsonConverter = "SpecGenJsonConverter";

    /// <summary>The nested class that holds each body field's encoded JSON name.</summary>
    public const string JsonNames = "SpecGenJsonNames";

    /// <summary>The start of the client's static field that holds an interface's answer shape, for the drift check.</summary>
    public const string AnswerShapePrefix = "SpecGenAnswerShape";

    /// <summary>The nested class that holds each pattern field's compiled regular expression.</summary>
    public const string Patterns = "SpecGenPatterns";

    /// <summary>The members every generated class declares: no class may be named like one (CS0542).</summary>
    public static readonly string[] DeclaredMembers =
    {
        Validate, ValidateInto, ReadJson, WriteJson, WithToken, WithTokens, JsonConverter, JsonNames, Patterns, "ToString",
    };

    /// <summary>Members a class has or that C# forbids a property to hide.</summary>
    public static readonly string[] ReservedMembers =
    {
        Validate, ValidateInto, ReadJson, WriteJson, WithToken, WithTokens, JsonConverter, JsonNames, Patterns,
        "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    // The attributes the generator puts on members for the analyzers (metadata names).
    public const string FieldAttribute = "SpecGen.SpecFieldAttribute";
    public const string MandatoryAttribute = "SpecGen.SpecMandatoryAttribute";
    public const string SecretAttribute = "SpecGen.SpecSecretAttribute";
    public const string TokenAttribute = "SpecGen.SpecTokenAttribute";
    public const string ValuesAttribute = "SpecGen.SpecValuesAttribute";
    public const string FormatAttribute = "SpecGen.SpecFormatAttribute";
    public const string AtLeastOneAttribute = "SpecGen.SpecAtLeastOneAttribute";
    public const string ExactlyOneAttribute = "SpecGen.SpecExactlyOneAttribute";

    /// <summary>The assembly attribute that records a spec file, for the fakes of referencing projects.</summary>
    public const string SpecSourceAttribute = "SpecGen.SpecSourceAttribute";

    /// <summary>The attribute's name as generated code writes it: <c>global::SpecGen.SpecField</c>.</summary>
    public static string AttributeUsage(string metadataName)
        => "global::" + metadataName.Substring(0, metadataName.Length - "Attribute".Length);

    /// <summary>The tool name in <c>[GeneratedCode]</c>, by which the analyzers know generated clients.</summary>
    public const string GeneratedCodeTool = "SpecGen";

    /// <summary>The assembly that holds the runtime and the attributes.</summary>
    public const string RuntimeAssembly = "SpecGen.Runtime";

    /// <summary>The assembly whose presence turns on the generated fake servers.</summary>
    public const string TestingAssembly = "SpecGen.Testing";
}

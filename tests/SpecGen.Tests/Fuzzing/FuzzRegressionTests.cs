using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace SpecGen.Tests.Fuzzing;

/// <summary>
/// One minimal spec for each class of failure the semantic fuzzer found, judged by the same rule
/// as the fuzzer (<see cref="FuzzRunner"/>): a SPEC0xxx error and no broken C#, or C# without any
/// error or warning. The comment of each names what the generator did when it was found.
/// </summary>
public sealed class FuzzRegressionTests(ITestOutputHelper output)
{
    private const string Ping = "interface: ping\nmethod: POST\nurl: /ping\n";

    private static readonly Dictionary<string, RegressionCase> Cases = new(StringComparer.Ordinal)
    {
        // Values the generator accepts and then writes as C# literals that are none.
        ["Number value NaN"] = Spec(Ping + "request:\n  - { name: weight, type: Number, values: [\"1.5\", \"NaN\"] }\n"), // CS0103 NaNd
        ["Number value Infinity"] = Spec(Ping + "request:\n  - { name: weight, type: Double, values: [Infinity, -Infinity] }\n"), // CS0103 Infinityd
        ["Number value with spaces"] = Spec(Ping + "request:\n  - { name: weight, type: Double, values: [\" 5 \"] }\n"), // CS1026 ' 5 d'
        ["Number value with a trailing dot"] = Spec(Ping + "request:\n  - { name: weight, type: Number, values: [\"5.\"] }\n"), // CS1061 5.d
        ["Number value past double"] = Spec(Ping + "request:\n  - { name: weight, type: Float, values: [\"1e400\"] }\n"), // CS0594

        // Values the generator rejects (SPEC0008) and then still writes into Validate().
        ["Long value past 64 bits"] = Spec(Ping + "request:\n  - { name: id, type: Long, values: [\"99999999999999999999\"] }\n"), // CS1021
        ["Long value 2^63"] = Spec(Ping + "request:\n  - { name: id, type: Long, values: [\"9223372036854775808\"] }\n"), // CS0034
        ["Long value below -2^63"] = Spec(Ping + "request:\n  - { name: id, type: Long, values: [\"-9223372036854775809\"] }\n"), // CS0023
        ["Integer value in Arabic-Indic digits"] = Spec(Ping + "request:\n  - { name: count, type: Integer, values: [\"٣\"] }\n"), // CS1056
        ["Integer value --5"] = Spec(Ping + "request:\n  - { name: count, type: Integer, values: [\"--5\"] }\n"), // CS1059
        ["Number value empty"] = Spec(Ping + "request:\n  - { name: weight, type: Number, values: [\"\"] }\n"), // CS0103 d
        ["Boolean value yes"] = Spec(Ping + "request:\n  - { name: flag, type: Boolean, values: [yes] }\n"), // CS0103 yes
        ["Boolean value 1"] = Spec(Ping + "request:\n  - { name: flag, type: Boolean, values: [\"1\"] }\n"), // CS0019 bool != int

        // A property named like the class its reader calls: the name binds to the property.
        ["List field named like its item type"] = Spec(Ping + "request:\n  - { name: address, type: \"address[]\" }\ntypes:\n  address:\n    - { name: city, type: String }\n"), // CS0120
        ["Map field named like its value type"] = Spec(Ping + "request:\n  - { name: item, type: \"Map<String, item>\" }\ntypes:\n  item:\n    - { name: a, type: String }\n"), // CS0120
        ["Field named like the type of another field"] = Spec(Ping + "request:\n  - { name: item, type: String }\n  - { name: x, type: item }\ntypes:\n  item:\n    - { name: a, type: String }\n"), // CS0120
        ["Type named like an inherited method"] = Spec(Ping + "request:\n  - { name: x, type: getType }\ntypes:\n  getType:\n    - { name: a, type: String }\n"), // CS0119

        // Class names that generated members or nested classes already use.
        ["Type named like a generated method"] = Spec(Ping + "types:\n  validate:\n    - { name: a, type: String }\n"), // CS0542
        ["Type named SpecGenJsonConverter"] = Spec(Ping + "request:\n  - { name: x, type: SpecGenJsonConverter }\ntypes:\n  SpecGenJsonConverter:\n    - { name: a, type: String }\n"), // CS0542, CS0053

        // Names C# reads as one: it ignores format characters in identifiers.
        ["Fields apart only by a zero-width space"] = Spec(Ping + "response:\n  - { name: \"a\\u200Bb\", type: String }\n  - { name: ab, type: String }\n"), // CS0102
        ["Fields apart only by a soft hyphen"] = Spec(Ping + "response:\n  - { name: \"a\\u00ADb\", type: String }\n  - { name: ab, type: Integer }\n"), // CS0102

        // Types named like the classes of the service's client.
        ["Type named {Service}ClientOptions"] = Service("service: shop\n", "types:\n  shopClientOptions:\n    - { name: a, type: String }\n"), // CS0260
        ["Type named {Service}ClientServiceCollectionExtensions"] = Service("service: shop\n", "types:\n  shopClientServiceCollectionExtensions:\n    - { name: a, type: String }\n"), // CS0260
        ["Type named {Service}Client"] = Service("service: shop\n", "types:\n  shopClient:\n    - { name: a, type: String }\n"), // CS0579, CS7036
        ["Type named I{Service}Client"] = Service("service: Shop\n", "types:\n  IShopClient:\n    - { name: a, type: String }\n"), // CS0261
        ["Type named {Service}Fake"] = Service("service: shop\n", "types:\n  shopFake:\n    - { name: a, type: String }\n") with { WithTesting = true }, // CS0441

        // Two generated files with one hint name: the generator throws (CS8785) and emits nothing.
        ["Interface named {Service}Client"] = new([("shop/service.yaml", "service: shop\n"), ("shop/ping.yaml", "interface: shopClient\nmethod: GET\nurl: /ping\n")]),

        // MSBuild namespaces are used as they are.
        ["SpecGenNamespace with a space"] = WithProperty("SpecGenNamespace", "My App"), // CS1514
        ["SpecGenNamespace with a keyword"] = WithProperty("SpecGenNamespace", "App.class"), // CS1001
        ["RootNamespace with a leading digit"] = WithProperty("RootNamespace", "1App"), // CS1001
        ["SpecGenNamespace with global::"] = WithProperty("SpecGenNamespace", "global::App"), // CS8785, ':' in a hint name
        ["RootNamespace with @"] = WithProperty("RootNamespace", "@App"), // CS8785, '@' in a hint name

        // A field whose type names a class the generator does not emit.
        ["Type without a field list"] = Spec(Ping + "request:\n  - { name: x, type: record }\ntypes:\n  record:\n"), // CS0246
        ["Type dropped for the examples class"] = Spec(Ping + "request:\n  - { name: x, type: pingExamples }\ntypes:\n  pingExamples:\n    - { name: a, type: String }\nexamples:\n  request: '{}'\n"), // SPEC0011, CS0722

        // csharpName of a local or parameter of the generated code.
        ["csharpName s_json{Property}"] = Spec(Ping + "request:\n  - { name: id, type: String }\n  - { name: x, type: String, csharpName: s_jsonId }\n"), // CS0102
        ["csharpName writer"] = Spec(Ping + "request:\n  - { name: x, type: String, csharpName: writer }\n"), // CS1503
        ["csharpName errors"] = Spec(Ping + "request:\n  - { name: x, type: Integer, mandatory: Yes, csharpName: errors }\n"), // CS0019
        ["csharpName i"] = Spec(Ping + "request:\n  - { name: x, type: \"String[]\", values: [a], csharpName: i }\n"), // CS1061
        ["csharpName mark"] = Spec(Ping + "request:\n  - { name: x, type: item, csharpName: mark }\ntypes:\n  item:\n    - { name: a, type: String }\n"), // CS1061
        ["csharpName exactlyOne"] = Spec(Ping + "request:\n  - { name: a, type: Integer, csharpName: exactlyOne }\n  - { name: b, type: String }\nrules:\n  - exactlyOne: [a, b]\n"), // CS0472
        ["csharpName await on a token field"] = Spec(Ping + "request:\n  - { name: authToken, type: String, token: true, csharpName: await }\n"), // CS4003

        // An inline class is named after the property, '@' included.
        ["csharpName keyword on an inline object"] = Spec(Ping + "request:\n  - { name: x, type: Object, csharpName: string, fields: [ { name: a, type: String } ] }\n"), // CS1003

        // The file name goes into a // comment of the generated file.
        ["Spec file name with a line separator"] = new([("api/op\u2028x.yaml", Ping)]), // CS1003

        // YAML aliases expand without limit, and raw line separators hide keys from a diff (SPEC0024, SPEC0025).
        ["Alias bomb of 20 levels as a description"] = Spec(Ping + "description: " + FuzzYaml.AliasBomb("d", 20) + "\n"),
        ["Alias bombs of 10 levels in a field and the examples"] = Spec(Ping + "request:\n  - { name: x, type: String, values: " + FuzzYaml.AliasBomb("v", 10) + " }\nexamples:\n  request: " + FuzzYaml.AliasBomb("e", 10) + "\n"),
        ["Alias bomb of 15 levels as a type"] = Spec(Ping + "types:\n  item: " + FuzzYaml.AliasBomb("t", 15) + "\n"),
        ["Line separator before a key in a description"] = Spec(Ping + "request:\n  - name: x\n    type: String\n    description: a\u2028    maxLength: 1\n"),
        ["Next line in a comment"] = Spec(Ping + "# note\u0085request: [1]\n"),

        // Doc comments under GenerateDocumentationFile.
        ["Description with a control character"] = Spec(Ping + "request:\n  - { name: x, type: String, description: \"a\\u0001b\" }\n") with { Docs = true }, // CS1570
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Spec_that_broke_the_generator_gives_a_SPEC_error_or_clean_code(string name)
    {
        RegressionCase regression = Cases[name];
        var fuzzCase = new FuzzCase(
            0,
            [.. regression.Files.Select(f => new FuzzFile(f.Path, f.Yaml, null))],
            regression.Properties ?? ImmutableSortedDictionary<string, string>.Empty,
            regression.Version,
            regression.WithTesting,
            regression.Docs,
            Solo: true,
            Nastiness: 0);

        CaseOutcome outcome = FuzzRunner.RunOne(fuzzCase);

        output.WriteLine(FuzzRunner.Report(outcome));
        Assert.False(outcome.Failed, FuzzRunner.Report(outcome));
    }

    private static RegressionCase Spec(string yaml) => new([("api/ping.yaml", yaml)]);

    private static RegressionCase WithProperty(string name, string value)
        => Spec(Ping) with { Properties = ImmutableSortedDictionary<string, string>.Empty.Add(name, value) };

    private static RegressionCase Service(string service, string types)
        => new([("shop/service.yaml", service), ("shop/ping.yaml", Ping + types)]);

    private sealed record RegressionCase((string Path, string Yaml)[] Files)
    {
        public ImmutableSortedDictionary<string, string>? Properties { get; init; }

        public LanguageVersion Version { get; init; } = LanguageVersion.Latest;

        public bool WithTesting { get; init; }

        public bool Docs { get; init; }
    }
}

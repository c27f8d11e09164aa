using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Generator;

/// <summary>
/// Bad specs are diagnostics, never crashes: the generator must not throw (CS8785), must not fall
/// back to its internal-error diagnostic SPEC0016, and must never hand the compiler broken C#
/// without saying why in a SPEC0xxx error.
/// </summary>
public sealed class RobustnessTests
{
    private const string Head = "interface: Ping\nmethod: POST\nurl: /ping\n";

    // One compilation for every run: the reference assemblies are the slow part to set up.
    private static readonly CSharpCompilation Compilation = GeneratorHarness.CreateCompilation();

    public static TheoryData<string, string> NastyInputs => new()
    {
        { "empty file", string.Empty },
        { "only comments", "# nothing here\n   # at all\n" },
        { "only a document marker", "---\n...\n" },
        { "list at the root", "- interface: Ping\n- method: POST\n" },
        { "scalar at the root", "just some words" },
        { "two documents", "interface: A\nmethod: GET\nurl: /a\n---\ninterface: B\n" },
        { "binary garbage", "\0\u0001\u0002\u0003\uFFFD\uFEFF\u0007interface\u001B: \u0000" },
        { "tabs as indentation", "interface: Ping\nrequest:\n\t- name: id\n\t  type: String\n" },
        { "tab after a key", "interface:\tPing\nmethod:\tPOST\nurl:\t/ping\n" },
        { "unclosed double quote", Head + "request:\n  - { name: \"id, type: String }\n" },
        { "unclosed single quote", Head + "description: 'never closed\n" },
        { "unclosed flow mapping", Head + "request:\n  - { name: id, type: String\n" },
        { "duplicate key", "interface: A\ninterface: B\nmethod: POST\nurl: /a\n" },
        { "complex key at the root", "? [interface]\n: Ping\nmethod: POST\nurl: /a\n" },
        { "complex key in types", Head + "types:\n  ? [a, b]\n  : - { name: id, type: String }\n" },
        { "complex key in a field", Head + "request:\n  - { name: id, type: String, [x]: y }\n" },
        { "anchors and aliases", Head + "request:\n  - &f { name: id, type: String }\n  - *f\n" },
        { "undefined alias", Head + "request:\n  - *nothing\n" },
        { "tagged values", Head + "request:\n  - { name: !!binary aGk=, type: !custom String }\n" },
        { "huge minLength", Head + "request:\n  - { name: id, type: String, minLength: 99999999999999999999 }\n" },
        { "huge maxItems", Head + "request:\n  - { name: ids, type: \"String[]\", maxItems: 1e99 }\n" },
        { "huge minimum", Head + "request:\n  - { name: n, type: Long, minimum: 79228162514264337593543950336 }\n" },
        { "largest minimum", Head + "request:\n  - { name: n, type: Number, minimum: -79228162514264337593543950335, maximum: 79228162514264337593543950335 }\n" },
        { "tiny minimum", Head + "request:\n  - { name: n, type: Integer, minimum: 1e-40, maximum: 0.0000001 }\n" },
        { "not a number", Head + "request:\n  - { name: n, type: Number, minimum: .nan, maximum: .inf }\n" },
        { "type List<", Head + "request:\n  - { name: x, type: \"List<\" }\n" },
        { "type Map<Integer, String>", Head + "request:\n  - { name: x, type: \"Map<Integer, String>\" }\n" },
        { "type T[][]", Head + "request:\n  - { name: x, type: \"T[][]\" }\n" },
        { "type []", Head + "request:\n  - { name: x, type: \"[]\" }\n" },
        { "type Map<String,>", Head + "request:\n  - { name: x, type: \"Map<String,>\" }\n" },
        { "nested collections", Head + "request:\n  - { name: a, type: \"String[][]\", minItems: 1, maxLength: 3 }\n  - { name: b, type: \"Map<String, List<Map<String, Long[]>>>\", minimum: 2 }\n" },
        { "types entry that is a scalar", Head + "types:\n  record: String\n" },
        { "types entry that is a mapping", Head + "types:\n  record: { name: id }\n" },
        { "types that is a list", Head + "types:\n  - record\n" },
        { "null types entry", Head + "types:\n  record:\n" },
        { "field that is a scalar", Head + "request:\n  - id\n  - [a, b]\n" },
        { "empty field", Head + "request:\n  - {}\n  - { name: \"\" }\n  - { name: \"  \", type: String }\n" },
        { "key holding a list", Head + "description: [a, b]\nrequest:\n  - { name: [id], type: { a: b }, mandatory: [Yes] }\n" },
        { "self-referencing type", Head + "response:\n  - { name: head, type: node }\ntypes:\n  node:\n    - { name: value, type: String, mandatory: Yes }\n    - { name: next, type: node }\n    - { name: children, type: \"List<node>\" }\n" },
        { "field named like its class", Head + "types:\n  id:\n    - { name: id, type: String }\n" },
        { "fields with reserved names", Head + "request:\n  - { name: validate, type: String }\n  - { name: toString, type: String }\n  - { name: specGenJsonConverter, type: String }\n" },
        { "csharpName that is not an identifier", Head + "request:\n  - { name: id, type: String, csharpName: \"not valid\" }\n" },
        { "csharpName that is a keyword", Head + "request:\n  - { name: id, type: String, csharpName: \"@class\" }\n" },
        { "typeName that is not an identifier", Head + "request:\n  - { name: o, type: Object, typeName: \"9 lives\", fields: [ { name: a, type: String } ] }\n" },
        { "inline fields on a map", Head + "request:\n  - { name: o, type: \"Map<String, String>\", fields: [ { name: a, type: String } ] }\n" },
        { "inline fields that are empty", Head + "request:\n  - { name: o, type: Object, fields: [] }\n" },
        { "interface name that is a number", "interface: 123\nmethod: GET\nurl: /x\n" },
        { "interface name of symbols", "interface: \"$$$\"\nmethod: GET\nurl: /x\n" },
        { "interface name that is a keyword", "interface: class\nmethod: GET\nurl: /x\n" },
        { "quotes and backslashes everywhere", "interface: Ping\ntitle: 'a \"title\" \\ */ </summary>'\nmethod: POST\nurl: \"/p\\\"ing\"\nrequest:\n  - { name: \"a\\\"b\", type: String, description: \"</summary><x>&amp; */ \\\\\", values: ['x\"y', 'c\\d'], default: 'x\"y' }\n  - { name: \"line\\nbreak\", type: String, format: 'yyyy\"MM' }\n" },
        { "control characters in text", "interface: Ping\nmethod: POST\nurl: /ping\ndescription: \"\\u0000\\u0007\\t\"\nrequest:\n  - { name: \"\\u0007x\", type: String, description: \"\\u0000 \\b\" }\n" },
        { "url with odd braces", "interface: Ping\nmethod: GET\nurl: \"/{}/{{a}}/{ b }/{/}\"\nrequest:\n  - { name: a, type: String, position: Path }\n" },
        { "default on every type", Head + "request:\n  - { name: a, type: Boolean, default: maybe }\n  - { name: b, type: Integer, default: 1e5 }\n  - { name: c, type: Object, default: x }\n  - { name: d, type: \"String[]\", default: x }\n  - { name: e, type: Long, values: [a, 1] }\n" },
        { "catastrophic pattern", Head + "request:\n  - { name: a, type: String, pattern: \"^(a+)+$\", default: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\" }\n" },
        { "odd formats", Head + "request:\n  - { name: a, type: String, format: \"%\" }\n  - { name: b, type: Long, format: yyyy }\n  - { name: c, type: String, format: \"\" }\n  - { name: d, type: Date, format: unix-ms, default: \"-1\" }\n" },
        { "rules of every wrong shape", Head + "request:\n  - { name: a, type: String }\nrules:\n  - atLeastOne: a\n  - exactlyOne: []\n  - atLeastOne: [[a]]\n  - nonsense\n  - { atLeastOne: [a, a], exactlyOne: [b, c] }\n" },
        { "examples of every wrong shape", Head + "request:\n  - { name: a, type: Integer }\nexamples:\n  request: |\n    { \"a\": \"1\", /* unclosed\n  response: [1, 2]\n  other: x\n" },
        { "example with bad escapes", Head + "request:\n  - { name: a, type: String }\nexamples:\n  request: '{ \"a\": \"\\q\\u12\" }'\n" },
        { "example that is a number", Head + "examples:\n  request: 5\n  response: \"\"\n" },
        { "example in a folded scalar", Head + "request:\n  - { name: a, type: Integer }\nexamples:\n  request: >\n    { \"a\":\n      \"x\" }\n" },
        { "example with an explicit indent", Head + "request:\n  - { name: a, type: Integer }\nexamples:\n  request: |2\n      { \"a\": \"x\" }\n" },
        { "examples class name taken by a type", Head + "types:\n  pingExamples:\n    - { name: a, type: String }\nexamples:\n  request: '{}'\n" },
        { "windows line endings", "interface: Ping\r\nmethod: POST\r\nurl: /ping\r\nrequest:\r\n  - { name: a, type: String, values: [x] }\r\nexamples:\r\n  request: |\r\n    { \"a\": \"y\" }\r\n" },
        { "deeply nested fields", DeeplyNested(40) },
        { "deeply nested flow lists", Head + "description: " + new string('[', 10_000) + new string(']', 10_000) + "\n" },
        { "deeply nested block lists", Head + "description:\n" + string.Concat(Enumerable.Range(0, 2_000).Select(i => new string(' ', i) + "-\n")) },
        { "recursive alias", Head + "description: &a [*a]\nrequest: &b\n  - *b\n" },
        { "recursive alias as a key", Head + "? &a [*a]\n: x\n" },
    };

    [Theory]
    [MemberData(nameof(NastyInputs))]
    public void Nasty_input_gives_diagnostics_not_a_crash(string name, string yaml)
    {
        GeneratorRun run = RunOne(("api/ping.yaml", yaml));

        AssertWellBehaved(run, name);
    }

    /// <summary>
    /// C# ends a line at CR, LF, U+0085, U+2028 and U+2029, so any of them in a description or a
    /// JSON name must not end a <c>///</c> doc line early and leave the rest as code.
    /// </summary>
    [Theory]
    [InlineData("\\r")]
    [InlineData("\\u0085")]
    [InlineData("\\u2028")]
    [InlineData("\\u2029")]
    public void Line_breaks_other_than_LF_in_spec_text_keep_the_generated_docs_intact(string escape)
    {
        GeneratorRun run = RunOne(("api/ping.yaml", $$"""
            interface: Ping
            title: "a{{escape}}b"
            method: POST
            url: /ping
            request:
              - { name: "x{{escape}}y", type: String, description: "c{{escape}}d" }
            """));

        AssertWellBehaved(run, "a description with " + escape);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
    }

    public static TheoryData<string, string> NastyServices => new()
    {
        { "empty service", string.Empty },
        { "service as a list", "- service: A\n" },
        { "bad namespace", "service: A\nnamespace: Cec..Chatbot\n" },
        { "keyword namespace", "service: A\nnamespace: Cec.class\n" },
        { "global namespace", "service: A\nnamespace: global\n" },
        { "namespace named like a type", "service: A\nnamespace: Ping\n" },
        { "service of symbols", "service: \"!!!\"\nnamespace: X\n" },
        { "envelope of the wrong shape", "service: A\nenvelope: [code]\n" },
        { "envelope without code", "service: A\nenvelope:\n  message: m\n  success: [missing]\n" },
        { "envelope with odd success", "service: A\nenvelope:\n  code: errorCode\n  success: [[0], {a: b}, \"\"]\n" },
    };

    [Theory]
    [MemberData(nameof(NastyServices))]
    public void Nasty_service_file_gives_diagnostics_not_a_crash(string name, string yaml)
    {
        const string Interface = "interface: Ping\nmethod: POST\nurl: /ping\nrequest:\n  - { name: id, type: String }\nresponse:\n  - { name: errorCode, type: String }\n";
        GeneratorRun run = RunOne(("api/service.yaml", yaml), ("api/ping.yaml", Interface));

        AssertWellBehaved(run, name);
    }

    [Fact]
    public void Randomly_damaged_shipped_specs_give_diagnostics_not_crashes()
    {
        (string Path, string Text)[] shipped = GeneratorHarness.ShippedSpecs()
            .Select(s => (s.Path.Substring(GeneratorHarness.SpecRoot.Length), s.GetText()!.ToString()))
            .ToArray();
        Assert.Contains(shipped, s => s.Path.EndsWith("queryTransferRecordHistory.yaml", StringComparison.Ordinal));

        // A fixed seed: a failure names its iteration and is the same on every run.
        var random = new Random(20_240_927);
        int withErrors = 0;
        for (int iteration = 0; iteration < 300; iteration++)
        {
            (string Path, string Text)[] specs = shipped.ToArray();
            int target = random.Next(specs.Length);
            string damaged = specs[target].Text;
            int mutations = 1 + random.Next(3);
            for (int m = 0; m < mutations; m++)
            {
                damaged = Mutate(damaged, random);
            }

            specs[target] = (specs[target].Path, damaged);
            GeneratorRun run = RunOne(specs);
            AssertWellBehaved(run, $"iteration {iteration.ToString(CultureInfo.InvariantCulture)}, {specs[target].Path}:\n{damaged}");
            withErrors += HasSpecError(run) ? 1 : 0;
        }

        // The damage must reach the checks at all, or the loop proves nothing.
        Assert.InRange(withErrors, 30, 300);
    }

    private static string Mutate(string text, Random random)
    {
        string[] lines = text.Split('\n');
        int line = random.Next(lines.Length);
        int other = random.Next(lines.Length);
        int at = text.Length == 0 ? 0 : random.Next(text.Length);
        const string Noise = ":-{}[]\"'\t#|>&*!%@` ,?\n0";
        switch (random.Next(7))
        {
            case 0:
                return string.Join('\n', lines.Where((_, i) => i != line));
            case 1:
                return string.Join('\n', lines.Take(line + 1).Append(lines[line]).Concat(lines.Skip(line + 1)));
            case 2:
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return string.Join('\n', lines);
            case 3:
                return text.Length == 0 ? text : text.Remove(at, 1);
            case 4:
                return text.Length == 0 ? text : text.Insert(at, text[at].ToString());
            case 5:
                if (at + 1 >= text.Length)
                {
                    return text;
                }

                var builder = new StringBuilder(text);
                (builder[at], builder[at + 1]) = (builder[at + 1], builder[at]);
                return builder.ToString();
            default:
                return text.Insert(at, Noise[random.Next(Noise.Length)].ToString());
        }
    }

    private static GeneratorRun RunOne(params (string Path, string Yaml)[] specs)
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(specs.Select(s => GeneratorHarness.Spec(s.Path, s.Yaml)))
            .RunGeneratorsAndUpdateCompilation(Compilation, out Compilation output, out var diagnostics);
        return new GeneratorRun(driver.GetRunResult(), output, diagnostics);
    }

    private static bool HasSpecError(GeneratorRun run)
        => run.AllGeneratorDiagnostics.Any(d => d.Id.StartsWith("SPEC0", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);

    private static void AssertWellBehaved(GeneratorRun run, string what)
    {
        Diagnostic[] diagnostics = run.AllGeneratorDiagnostics.ToArray();
        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        Assert.False(
            diagnostics.Any(d => d.Id is "SPEC0016" or "CS8785"),
            $"The generator failed on {what}:\n{string.Join('\n', diagnostics.Select(d => d.ToString()))}");
        if (!HasSpecError(run))
        {
            string[] errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
            Assert.True(errors.Length == 0, $"No SPEC error, yet the generated code does not compile, for {what}:\n{string.Join('\n', errors)}");
        }
    }

    private static string DeeplyNested(int depth)
    {
        var builder = new StringBuilder(Head).Append("request:\n");
        for (int level = 0; level < depth; level++)
        {
            string indent = new(' ', (level * 4) + 2);
            builder.Append(indent).Append("- name: level").Append(level.ToString(CultureInfo.InvariantCulture)).Append('\n');
            builder.Append(indent).Append("  type: Object[]\n");
            builder.Append(indent).Append("  mandatory: Yes\n");
            builder.Append(indent).Append("  fields:\n");
        }

        builder.Append(new string(' ', (depth * 4) + 2)).Append("- { name: leaf, type: String, values: [a] }\n");
        return builder.ToString();
    }
}

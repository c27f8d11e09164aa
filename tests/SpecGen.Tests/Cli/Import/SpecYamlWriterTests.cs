using System.Reflection;
using System.Text.Json;
using SpecGen.Cli.Import;
using SpecGen.Generator.Spec;
using YamlDotNet.RepresentationModel;

namespace SpecGen.Tests.Cli.Import;

/// <summary>The spec files the importer writes: the parser's keys, where the examples are, and text that YAML would read otherwise.</summary>
public sealed class SpecYamlWriterTests
{
    /// <summary>The named keys the writer uses are exactly the keys the parser accepts.</summary>
    [Theory]
    [InlineData(typeof(SpecKeys.InterfaceKey), nameof(SpecKeys.Interface))]
    [InlineData(typeof(SpecKeys.FieldKey), nameof(SpecKeys.Field))]
    [InlineData(typeof(SpecKeys.ServiceKey), nameof(SpecKeys.Service))]
    [InlineData(typeof(SpecKeys.EnvelopeKey), nameof(SpecKeys.Envelope))]
    [InlineData(typeof(SpecKeys.RuleKey), nameof(SpecKeys.Rule))]
    [InlineData(typeof(SpecKeys.ExampleKey), nameof(SpecKeys.Examples))]
    public void The_named_keys_are_the_parsers_keys(Type names, string list)
    {
        IEnumerable<string> named = names.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!);
        var accepted = (IReadOnlyList<string>)typeof(SpecKeys).GetField(list, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

        Assert.Equal(accepted.Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_key_written_is_one_the_parser_accepts()
    {
        YamlMappingNode root = Parse(SpecYamlWriter.Interface(FullSpec(), withSchema: false).Text);

        Assert.Subset(SpecKeys.Interface.ToHashSet(), Keys(root).ToHashSet());
        foreach (YamlMappingNode field in Fields(root))
        {
            Assert.Subset(SpecKeys.Field.ToHashSet(), Keys(field).ToHashSet());
        }

        Assert.Subset(SpecKeys.Rule.ToHashSet(), ((YamlSequenceNode)root["rules"]).Children.SelectMany(r => Keys((YamlMappingNode)r)).ToHashSet());
        Assert.Subset(SpecKeys.Examples.ToHashSet(), Keys((YamlMappingNode)root["examples"]).ToHashSet());
        Assert.Equal(["interface", "title", "description", "method", "url", "request", "rules", "response", "types", "examples"], Keys(root));
        Assert.Equal(["name", "type", "position", "mandatory", "values", "default", "secret", "token", "description"], Keys(Fields(root).First()));
        Assert.Equal(["name", "type", "format", "minLength", "maxLength", "minimum", "maximum", "fields"], Keys(Fields(root).ElementAt(1)));
    }

    [Fact]
    public void The_service_file_writes_the_parsers_keys()
    {
        ImportedSpec spec = FullSpec();
        spec.Envelope = new EnvelopeGuess("errorCode", "errorMessage", ["0"], MissingIsSuccess: true, Note: null);
        YamlMappingNode root = Parse(SpecYamlWriter.Service("cec-chatbot", [spec], withSchema: false));

        Assert.Equal(["service", "namespace", "baseUrl", "envelope"], Keys(root));
        Assert.Equal(SpecKeys.Envelope, Keys((YamlMappingNode)root["envelope"]));
    }

    [Fact]
    public void The_writer_says_on_which_lines_it_wrote_each_example()
    {
        SpecYaml written = SpecYamlWriter.Interface(FullSpec(), withSchema: true);
        string[] lines = written.Text.Split('\n');

        Assert.NotNull(written.RequestExample);
        Assert.NotNull(written.ResponseExample);
        LineRange request = written.RequestExample.Value;
        LineRange response = written.ResponseExample.Value;
        Assert.Equal("examples:", lines[request.First - 2]);
        Assert.Equal("  request: |", lines[request.First - 1]);
        Assert.Equal("    }", lines[request.Last - 1]);
        Assert.Equal("  response: |", lines[response.First - 1]);
        Assert.Equal(response.First, request.Last + 1);
        Assert.Equal("    }", lines[response.Last - 1]);
        Assert.Equal(lines.Length - 1, response.Last);

        Assert.Equal("request", written.ExampleAt(request.First));
        Assert.Equal("request", written.ExampleAt(request.Last));
        Assert.Equal("response", written.ExampleAt(response.First));
        Assert.Equal("response", written.ExampleAt(response.Last));
        Assert.Null(written.ExampleAt(request.First - 1));
        Assert.Null(written.ExampleAt(1));
    }

    [Fact]
    public void A_spec_without_examples_has_no_example_lines()
    {
        ImportedSpec spec = FullSpec();
        spec.RequestExample = null;
        spec.ResponseExample = null;

        SpecYaml written = SpecYamlWriter.Interface(spec, withSchema: false);

        Assert.Null(written.RequestExample);
        Assert.Null(written.ResponseExample);
        Assert.DoesNotContain("examples:", written.Text, StringComparison.Ordinal);
    }

    /// <summary>The premise of the next test: to YAML these characters end a line, so written as they are they start a key of their own.</summary>
    [Theory]
    [InlineData('\u2028')]
    [InlineData('\u2029')]
    [InlineData('\u0085')]
    public void YAML_reads_these_characters_as_line_breaks(char lineBreak)
        => Assert.Equal(["description", "maxLength"], Keys(Parse($"description: Tenant ID.{lineBreak}maxLength: 1\n")));

    public static TheoryData<string, char> Slots()
    {
        var data = new TheoryData<string, char>();
        foreach (string slot in new[] { "title", "description", "long description", "field description", "field name", "value", "default", "format", "type name", "comment", "example", "example comment", "url", "envelope code" })
        {
            foreach (char c in "\u2028\u2029\u0085")
            {
                data.Add(slot, c);
            }
        }

        return data;
    }

    /// <summary>Each scalar and comment the writer emits keeps such a character as text: the spec reads back the same, with no key the page did not give.</summary>
    [Theory]
    [MemberData(nameof(Slots))]
    public void A_YAML_line_break_inside_page_text_stays_text(string slot, char lineBreak)
    {
        string nasty = $"Tenant ID.{lineBreak}maxLength: 1{lineBreak}      maxLength: 1";
        ImportedSpec spec = FullSpec();
        ImportedField field = spec.Request[0];
        string expected = nasty;
        Func<YamlMappingNode, string?> read;
        switch (slot)
        {
            case "title":
                spec = FullSpec(title: nasty);
                read = root => Scalar(root, "title");
                break;
            case "description":
                spec = FullSpec(description: nasty);
                read = root => Scalar(root, "description");
                break;
            case "long description":
                expected = nasty + " " + string.Concat(Enumerable.Repeat("A sentence long enough to need wrapping. ", 5)).Trim() + "\nA second paragraph.";
                spec = FullSpec(description: expected);
                read = root => Scalar(root, "description");
                break;
            case "field description":
                field.DescriptionText = PageText.At(1, nasty);
                read = root => Scalar(Fields(root).First(), "description");
                break;
            case "field name":
                spec.Request.Insert(0, new ImportedField(nasty, 1));
                read = root => Scalar(Fields(root).First(), "name");
                break;
            case "value":
                field.Values = [nasty, "B"];
                field.Default = null;
                read = root => ((YamlScalarNode)((YamlSequenceNode)Fields(root).First()["values"]).Children[0]).Value;
                break;
            case "default":
                field.Values = null;
                field.Default = nasty;
                read = root => Scalar(Fields(root).First(), "default");
                break;
            case "format":
                field.Format = nasty;
                read = root => Scalar(Fields(root).First(), "format");
                break;
            case "type name":
                spec.Types[0] = spec.Types[0] with { Name = nasty };
                read = root => ((YamlScalarNode)((YamlMappingNode)root["types"]).Children.Keys.First()).Value;
                break;
            case "url":
                spec = FullSpec(url: "/a" + nasty);
                expected = "/a" + nasty;
                read = root => Scalar(root, "url");
                break;
            case "comment":
                spec.HeaderComments.Add(nasty);
                field.Comments.Add("review: " + nasty);
                spec.Types[0].Comments.Add(nasty);
                spec.UrlComments.Add(nasty);
                read = root => Scalar(root, "interface") == "Orders" ? expected : null;
                break;
            case "example comment":
                spec.ExampleComments.Add(nasty);
                read = root => Scalar(root, "interface") == "Orders" ? expected : null;
                break;
            case "example":
                spec.RequestExample = "{\n  \"tenantId\": \"" + nasty + "\"\n}";
                read = root => JsonDocument.Parse(Scalar((YamlMappingNode)root["examples"], "request")!).RootElement.GetProperty("tenantId").GetString();
                break;
            default:
                spec.Envelope = new EnvelopeGuess(nasty, null, ["0"], false, null);
                YamlMappingNode service = Parse(SpecYamlWriter.Service("shop", [spec], withSchema: false));
                Assert.Equal(nasty, Scalar((YamlMappingNode)service["envelope"], "code"));
                Assert.Equal(["service", "namespace", "baseUrl", "envelope"], Keys(service));
                return;
        }

        string yaml = SpecYamlWriter.Interface(spec, withSchema: false).Text;
        YamlMappingNode parsed = Parse(yaml);

        Assert.Equal(expected, read(parsed));
        Assert.DoesNotContain(lineBreak, yaml);
        Assert.Contains($"\\u{(int)lineBreak:X4}", yaml, StringComparison.OrdinalIgnoreCase);

        // The one maxLength is the 'when' field's own.
        Assert.Single(AllKeys(parsed), k => k == "maxLength");
        Assert.Equal(["interface", "title", "description", "method", "url", "request", "rules", "response", "types", "examples"], Keys(parsed));
        Assert.Equal(["name", "type", "position", "mandatory"], Keys(Fields(parsed).Last()));
    }

    [Theory]
    [InlineData("Tenant ID.", "Tenant ID.")]
    [InlineData("5", "\"5\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("tab\there", "\"tab\\there\"")]
    [InlineData("line\u2028break", "\"line\\u2028break\"")]
    [InlineData("next\u0085line", "\"next\\u0085line\"")]
    [InlineData("bom\uFEFF", "\"bom\\uFEFF\"")]
    [InlineData("c1\u0090", "\"c1\\u0090\"")]
    public void Scalar_is_plain_only_when_YAML_reads_it_back_unchanged(string text, string written)
    {
        Assert.Equal(written, YamlText.Scalar(text));
        Assert.Equal(text, Scalar(Parse("key: " + written + "\n"), "key"));
    }

    [Theory]
    [InlineData("  \"a\": \"x\u2028y\"", "  \"a\": \"x\\u2028y\"")]
    [InlineData("  \"a\": \"x\u0085y\u2029\"", "  \"a\": \"x\\u0085y\\u2029\"")]
    [InlineData("  \"a\": \"plain\"", "  \"a\": \"plain\"")]
    public void Example_JSON_escapes_YAML_line_breaks_the_JSON_way(string line, string written)
        => Assert.Equal(written, YamlText.JsonForBlock(line));

    /// <summary>An interface with every kind of key the importer writes, and a last request field with only the four basic keys.</summary>
    private static ImportedSpec FullSpec(string title = "Create an order", string description = "Creates an order.", string url = "/shop/orders")
    {
        var spec = new ImportedSpec { Interface = "Orders", FileName = "orders", Title = title, Description = description, Method = "POST", Url = url, BaseUrl = "https://IP:PORT" };
        var token = new ImportedField("appToken", 10) { Type = "String", Position = "Header", Mandatory = true, Secret = true, Token = true, Values = ["A", "B"], Default = "A" };
        token.DescriptionText = PageText.At(12, "Token for accessing the interface.");
        var when = new ImportedField("when", 14) { Type = "Object", Format = "yyyy-MM-dd", MinLength = 1, MaxLength = 64, Minimum = "0", Maximum = "9", Fields = [new ImportedField("at", 15)] };
        var mobile = new ImportedField("mobile", 16) { Type = "String", Position = "Body", Mandatory = false };
        spec.Request.AddRange([token, when, mobile]);
        spec.Rules.Add(new RuleHint(false, ["appToken", "mobile"]));
        spec.Response.Add(new ImportedField("errorCode", 20) { Type = "String", Mandatory = true });
        spec.Types.Add(new ImportedType("orderItem", [new ImportedField("sku", 30)], []));
        spec.RequestExample = "{\n  \"appToken\": \"A\"\n}";
        spec.ResponseExample = "{\n  \"errorCode\": \"0\"\n}";
        return spec;
    }

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode map, string key) => ((YamlScalarNode)map[key]).Value;

    private static List<string> Keys(YamlMappingNode map) => map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();

    private static IEnumerable<YamlMappingNode> Fields(YamlMappingNode root)
        => ((YamlSequenceNode)root["request"]).Children.Cast<YamlMappingNode>();

    private static IEnumerable<string> AllKeys(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.SelectMany(p => AllKeys(p.Value).Prepend(((YamlScalarNode)p.Key).Value ?? string.Empty)),
        YamlSequenceNode list => list.Children.SelectMany(AllKeys),
        _ => [],
    };
}

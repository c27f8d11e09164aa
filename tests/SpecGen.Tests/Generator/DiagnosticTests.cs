using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Generator;

/// <summary>
/// One test per SPEC0xxx diagnostic: each feeds a tiny spec and checks the ID, the file and the
/// exact line and column, written 1-based as an editor shows them.
/// </summary>
public sealed class DiagnosticTests
{
    private const string File = "api/ping.yaml";
    private const string FilePath = GeneratorHarness.SpecRoot + File;

    [Fact]
    public void SPEC0001_yaml_syntax_error_points_at_the_unclosed_quote()
    {
        Diagnostic d = Single("SPEC0001", """
            interface: Ping
            method: POST
            url: "/ping
            """);

        AssertAt(d, line: 3, column: 6);
        Assert.Contains("quoted scalar", d.GetMessage(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SPEC0001_tab_as_indentation_points_at_the_tab()
    {
        // YamlDotNet gives this error no position of its own.
        Diagnostic d = Single("SPEC0001", "interface: Ping\nmethod: POST\nurl: /ping\nrequest:\n\t- name: id\n");

        AssertAt(d, line: 5, column: 1);
        Assert.Equal("The spec is not valid YAML: While scanning a mapping, found invalid tab as indentation.", d.GetMessage());
    }

    [Fact]
    public void SPEC0001_nesting_too_deep_is_a_syntax_error_not_a_stack_overflow()
    {
        // Ten thousand levels would overflow the stack of the YAML loader and kill the compiler.
        Diagnostic d = Single("SPEC0001", "interface: Ping\nmethod: POST\nurl: /ping\ndescription: " + new string('[', 10_000) + new string(']', 10_000) + "\n");

        // The first '[' is at column 14; with the root mapping, the 256th '[' is one level too many.
        AssertAt(d, line: 4, column: 14 + 255);
        Assert.Equal("The spec is not valid YAML: lists and mappings nest more than 256 levels deep", d.GetMessage());
    }

    [Fact]
    public void SPEC0001_a_bracket_inside_a_flow_mapping_key_is_a_syntax_error_not_an_internal_one()
    {
        // YamlDotNet's parser throws InvalidOperationException here rather than a YamlException.
        Diagnostic d = Single("SPEC0001", """
            interface: Ping
            method: POST
            url: /ping
            request:
              - { name: id, type: String, d[escription: Id }
            """);

        Assert.Equal(FilePath, d.Location.GetLineSpan().Path);
        Assert.Equal(4, d.Location.GetLineSpan().StartLinePosition.Line);
    }

    public static TheoryData<string, string, int, int> MissingKeys => new()
    {
        // A missing key belongs to the mapping that lacks it, which starts after the comment.
        { "interface", "# ping\nmethod: POST\nurl: /ping\n", 2, 1 },
        { "method", "# ping\ninterface: Ping\nurl: /ping\n", 2, 1 },
        { "url", "# ping\ninterface: Ping\nmethod: POST\n", 2, 1 },

        // A key that is there but blank is reported on its value.
        { "url", "interface: Ping\nmethod: POST\nurl: \"  \"\n", 3, 6 },
    };

    [Theory]
    [MemberData(nameof(MissingKeys))]
    public void SPEC0002_required_key_missing(string key, string yaml, int line, int column)
    {
        Diagnostic d = Single("SPEC0002", yaml);

        AssertAt(d, line, column);
        Assert.StartsWith($"'{key}' is required", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0003_unknown_key_suggests_the_closest_known_key()
    {
        Diagnostic d = Single("SPEC0003", """
            interface: Ping
            method: POST
            url: /ping
            request:
              - name: id
                type: String
                mandatroy: Yes
            """);

        AssertAt(d, line: 7, column: 5);
        Assert.Equal("Unknown key 'mandatroy' in a field; did you mean 'mandatory'?", d.GetMessage());
    }

    [Fact]
    public void SPEC0004_unknown_type_suggests_a_built_in_type()
    {
        Diagnostic d = Single("SPEC0004", """
            interface: Ping
            method: POST
            url: /ping
            request:
              - { name: id, type: Strng }
            """);

        AssertAt(d, line: 5, column: 23);
        Assert.Equal("Unknown type 'Strng'; did you mean 'String'?", d.GetMessage());
    }

    [Fact]
    public void SPEC0004_unknown_element_type_suggests_a_type_of_the_spec()
    {
        Diagnostic d = Single("SPEC0004", """
            interface: Ping
            method: POST
            url: /ping
            response:
              - name: records
                type: "List<transferRecrd>"
            types:
              transferRecord:
                - { name: id, type: String }
            """);

        AssertAt(d, line: 6, column: 11);
        Assert.Equal("Unknown type 'transferRecrd'; did you mean 'transferRecord'?", d.GetMessage());
    }

    [Fact]
    public void SPEC0005_duplicate_field_is_reported_on_the_second_name()
    {
        Diagnostic d = Single("SPEC0005", """
            interface: Ping
            method: POST
            url: /ping
            request:
              - { name: id, type: String }
              - { name: id, type: Integer }
            """);

        AssertAt(d, line: 6, column: 13);
        Assert.Equal("Field 'id' is declared more than once in 'request'", d.GetMessage());
    }

    [Fact]
    public void SPEC0006_unknown_position()
    {
        Diagnostic d = Single("SPEC0006", """
            interface: Ping
            method: POST
            url: /ping
            request:
              - name: id
                type: String
                position: Bodyy
            """);

        AssertAt(d, line: 7, column: 15);
        Assert.Contains("'Bodyy'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0006_response_field_outside_the_body()
    {
        Diagnostic d = Single("SPEC0006", """
            interface: Ping
            method: POST
            url: /ping
            response:
              - { name: code, type: String, position: Query }
            """);

        AssertAt(d, line: 5, column: 43);
        Assert.Contains("only top-level request fields", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0007_url_placeholder_without_a_path_field_is_reported_on_the_url()
    {
        Diagnostic d = Single("SPEC0007", """
            interface: Ping
            method: GET
            url: /users/{userId}/ping
            request:
              - { name: userId, type: String, position: Query }
            """);

        AssertAt(d, line: 3, column: 6);
        Assert.Equal("The url contains '{userId}' but no request field 'userId' has position Path", d.GetMessage());
    }

    [Fact]
    public void SPEC0008_default_outside_values()
    {
        Diagnostic d = Single("SPEC0008", """
            interface: Ping
            method: POST
            url: /ping
            request:
              - name: pageSize
                type: String
                values: ["5", "10"]
                default: "7"
            """);

        AssertAt(d, line: 8, column: 14);
        Assert.Equal("Default '7' of field 'pageSize' is not one of its values (5, 10)", d.GetMessage());
    }

    [Fact]
    public void SPEC0008_default_that_breaks_the_format()
    {
        Diagnostic d = Single("SPEC0008", """
            interface: Ping
            method: POST
            url: /ping
            request:
              - { name: day, type: String, format: yyyy-MM-dd, default: "2024-13-01" }
            """);

        AssertAt(d, line: 5, column: 61);
        Assert.Equal("Default '2024-13-01' of field 'day' does not match its format 'yyyy-MM-dd'", d.GetMessage());
    }

    [Fact]
    public void SPEC0008_default_that_breaks_the_pattern()
    {
        Diagnostic d = Single("SPEC0008", """
            interface: Ping
            method: POST
            url: /ping
            request:
              - name: zip
                type: String
                pattern: "^[0-9]{5}$"
                default: abc
            """);

        AssertAt(d, line: 8, column: 14);
        Assert.Equal("Default 'abc' of field 'zip' does not match its pattern '^[0-9]{5}$'", d.GetMessage());
    }

    [Fact]
    public void SPEC0008_default_that_makes_the_pattern_backtrack_without_end()
    {
        Diagnostic d = Single("SPEC0008", """
            interface: Ping
            method: POST
            url: /ping
            request:
              - name: code
                type: String
                pattern: "^(a+)+$"
                default: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"
            """);

        AssertAt(d, line: 8, column: 14);
        Assert.Contains("takes more than a second to match its pattern '^(a+)+$'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0009_invalid_regex_is_reported_on_the_pattern()
    {
        Diagnostic d = Single("SPEC0009", """
            interface: Ping
            method: POST
            url: /ping
            request:
              - name: zip
                type: String
                pattern: "[0-9"
            """);

        AssertAt(d, line: 7, column: 14);
        Assert.StartsWith("The pattern of 'zip' is not a valid regular expression: ", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0010_rule_naming_an_unknown_field_is_reported_on_that_name()
    {
        Diagnostic d = Single("SPEC0010", """
            interface: Ping
            method: POST
            url: /ping
            request:
              - { name: callId, type: String }
              - { name: userMobile, type: String }
            rules:
              - atLeastOne:
                  - callId
                  - userMobil
            """);

        AssertAt(d, line: 10, column: 9);
        Assert.Equal("Rule 'atLeastOne' names 'userMobil', which is not a field of the request", d.GetMessage());
    }

    [Fact]
    public void SPEC0011_type_named_like_the_request_class()
    {
        GeneratorRun run = GeneratorHarness.Run((File, """
            interface: Ping
            method: POST
            url: /ping
            request:
              - { name: id, type: String }
            types:
              pingRequest:
                - { name: id, type: String }
            """));

        Diagnostic d = Single(run, "SPEC0011");
        AssertAt(d, line: 7, column: 3);
        Assert.Equal(
            "The C# name 'PingRequest' of type 'pingRequest' is already used by the request class; set 'csharpName' or 'typeName' to tell them apart",
            d.GetMessage());
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void SPEC0011_two_fields_with_the_same_CSharp_name()
    {
        Diagnostic d = Single("SPEC0011", """
            interface: Ping
            method: POST
            url: /ping
            request:
              - { name: tenantId, type: String }
              - { name: tenant-id, type: String }
            """);

        AssertAt(d, line: 6, column: 13);
        Assert.StartsWith("The C# name 'TenantId' of field 'tenant-id' is already used by field 'tenantId'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0011_same_type_in_two_files_of_one_namespace_reports_the_later_file_and_skips_it()
    {
        const string Types = """
            types:
              shared:
                - { name: id, type: String }
            """;

        // Listed in reverse path order: the outcome must depend on the path, not the order.
        GeneratorRun run = GeneratorHarness.Run(
            ("api/b.yaml", "interface: B\nmethod: POST\nurl: /b\n" + Types),
            ("api/a.yaml", "interface: A\nmethod: POST\nurl: /a\n" + Types));

        Diagnostic d = Single(run, "SPEC0011");
        Assert.Equal(GeneratorHarness.SpecRoot + "api/b.yaml", d.Location.GetLineSpan().Path);
        AssertPosition(d, line: 5, column: 3);
        Assert.Contains("'Shared'", d.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("SpecGen.Generated.A.g.cs", run.HintNames);
        Assert.DoesNotContain("SpecGen.Generated.B.g.cs", run.HintNames);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void SPEC0011_type_named_like_the_examples_class()
    {
        GeneratorRun run = GeneratorHarness.Run((File, """
            interface: Ping
            method: POST
            url: /ping
            types:
              pingExamples:
                - { name: id, type: String }
            examples:
              request: "{}"
            """));

        Diagnostic d = Single(run, "SPEC0011");
        AssertAt(d, line: 5, column: 3);
        Assert.StartsWith("The C# name 'PingExamples' of type 'pingExamples' is already used by the class of the examples", d.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics);
    }

    public static TheoryData<string, int, int, string> InvalidValues => new()
    {
        { "  - { name: id, type: String, mandatory: Maybe }", 5, 42, "'Maybe' is not a valid value for 'mandatory'" },
        { "  - { name: id, type: String, minLength: -1 }", 5, 42, "'-1' is not a valid value for 'minLength'" },
        { "  - { name: id, type: String, minItems: 1 }", 5, 41, "'1' is not a valid value for 'minItems': 'minItems' applies only to arrays and maps" },
        { "  - { name: id, type: String, format: yyyy-MM-dd, minLength: 3, maxLength: 2 }", 5, 62, "'3' is not a valid value for 'minLength': it is greater than 'maxLength'" },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void SPEC0012_invalid_value_of_a_field_key(string fieldLine, int line, int column, string message)
    {
        Diagnostic d = Single("SPEC0012", "interface: Ping\nmethod: POST\nurl: /ping\nrequest:\n" + fieldLine + "\n");

        AssertAt(d, line, column);
        Assert.StartsWith(message, d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0012_invalid_method()
    {
        Diagnostic d = Single("SPEC0012", """
            interface: Ping
            method: FETCH
            url: /ping
            """);

        AssertAt(d, line: 2, column: 9);
        Assert.StartsWith("'FETCH' is not a valid value for 'method': expected one of GET, POST", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0013_path_field_without_placeholder_is_a_warning_on_the_field()
    {
        GeneratorRun run = GeneratorHarness.Run((File, """
            interface: Ping
            method: GET
            url: /ping
            request:
              - name: userId
                type: String
                position: Path
            """));

        Diagnostic d = Single(run, "SPEC0013");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        AssertAt(d, line: 5, column: 11);
        Assert.Equal("Field 'userId' has position Path but the url has no '{userId}' placeholder", d.GetMessage());
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void SPEC0027_review_marks_are_one_info_per_file_with_their_count_on_the_first()
    {
        GeneratorRun run = GeneratorHarness.Run((File, "interface: Ping\r\nmethod: GET\r\nurl: /ping\r\nrequest:\r\n  # Table 1 request\r\n    # Review: the page gives no type\r\n  - name: id\r\n    # review: 'Queryflows' is from a lower-case URL\r\n    type: String\r\n    description: 'not a # review: comment'\r\n"));

        Diagnostic d = Single(run, "SPEC0027");
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        AssertAt(d, line: 6, column: 5);
        Assert.Equal(4 + "# Review: the page gives no type".Length, d.Location.GetLineSpan().EndLinePosition.Character);
        Assert.Equal("2 '# review:' lines left in this spec, the first here: read each, fix the spec if needed, and remove its mark", d.GetMessage());
    }

    [Fact]
    public void SPEC0027_is_not_reported_on_a_spec_without_review_marks()
    {
        GeneratorRun run = GeneratorHarness.Run((File, "interface: Ping\nmethod: GET\nurl: /ping\n# reviewed: nothing left\n"));

        Assert.DoesNotContain(run.AllGeneratorDiagnostics, d => d.Id == "SPEC0027");
    }

    [Fact]
    public void SPEC0014_example_value_outside_values_points_into_the_block_scalar()
    {
        Diagnostic d = Single("SPEC0014", """
            interface: Ping
            method: POST
            url: /ping
            request:
              - { name: size, type: String, values: ["5", "10"] }
            examples:
              request: |
                {
                  "size": "7"
                }
            """);

        // The opening quote of "7".
        AssertAt(d, line: 9, column: 15);
        Assert.Equal("The request example value '7' at 'size' is not one of its values (5, 10)", d.GetMessage());
    }

    [Fact]
    public void SPEC0014_example_value_in_a_nested_array_points_at_the_value()
    {
        Diagnostic d = Single("SPEC0014", """
            interface: Ping
            method: POST
            url: /ping
            response:
              - { name: records, type: "record[]" }
            types:
              record:
                - { name: opResult, type: String, values: [INIT, SUCCESS, FAIL] }
            examples:
              response: |
                {
                  // comments are allowed, as on the reference pages
                  "records": [ { "opResult": "SUCCESS" }, { "opResult": "DONE" } ]
                }
            """);

        AssertAt(d, line: 13, column: 61);
        Assert.Equal("The response example value 'DONE' at 'records[1].opResult' is not one of its values (INIT, SUCCESS, FAIL)", d.GetMessage());
    }

    [Fact]
    public void SPEC0014_example_that_is_not_json_points_at_the_first_error()
    {
        Diagnostic d = Single("SPEC0014", """
            interface: Ping
            method: POST
            url: /ping
            response:
              - { name: code, type: String }
              - { name: extra, type: Integer }
            examples:
              response: |
                {
                  "code": "0"
                  "extra": 1
                }
            """);

        // The second property, where a ',' was expected.
        AssertAt(d, line: 11, column: 7);
        Assert.Equal("The response example is not valid JSON: expected ','", d.GetMessage());
    }

    [Fact]
    public void SPEC0014_example_in_a_quoted_scalar_points_at_the_value()
    {
        Diagnostic d = Single("SPEC0014", """
            interface: Ping
            method: POST
            url: /ping
            request:
              - { name: size, type: Integer }
            examples:
              request: '{ "size": "big" }'
            """);

        // The opening quote of "big"; the YAML quote itself is not part of the JSON.
        AssertAt(d, line: 7, column: 23);
        Assert.Contains("the string \"big\" at 'size'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0014_example_in_a_plain_scalar_points_at_the_value()
    {
        Diagnostic d = Single("SPEC0014", """
            interface: Ping
            method: POST
            url: /ping
            examples:
              request: 5
            """);

        // A plain scalar has no quote to skip.
        AssertAt(d, line: 5, column: 12);
        Assert.Equal("The request example has the number 5 at 'the top' where an object of 'request' belongs", d.GetMessage());
    }

    [Fact]
    public void SPEC0015_wrong_node_kind()
    {
        Diagnostic d = Single("SPEC0015", """
            interface: Ping
            method: POST
            url: /ping
            request: foo
            """);

        AssertAt(d, line: 4, column: 10);
        Assert.Equal("'request' must be a list", d.GetMessage());
    }

    [Fact]
    public void SPEC0015_types_entry_that_is_a_scalar()
    {
        Diagnostic d = Single("SPEC0015", """
            interface: Ping
            method: POST
            url: /ping
            types:
              record: String
            """);

        AssertAt(d, line: 5, column: 11);
        Assert.Equal("'record' must be a list of fields", d.GetMessage());
    }

    [Fact]
    public void SPEC0015_type_name_that_is_a_list()
    {
        Diagnostic d = Single("SPEC0015", """
            interface: Ping
            method: POST
            url: /ping
            types:
              ? [a, b]
              : - { name: id, type: String }
            """);

        AssertAt(d, line: 5, column: 5);
        Assert.Equal("'A type name' must be a single value", d.GetMessage());
    }

    [Fact]
    public void Field_names_that_are_not_CSharp_identifiers_are_escaped_not_rejected()
    {
        GeneratorRun run = GeneratorHarness.Run((File, """
            interface: Ping
            method: POST
            url: /ping
            request:
              - { name: 2fa, type: String }
              - { name: X-APP-Key, type: String, position: Header }
              - { name: class, type: String }
              - { name: $$$, type: String }
              - { name: namespace, type: Integer }
            response:
              - { name: void, type: String }
            """));

        Assert.Empty(run.AllGeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
        INamedTypeSymbol request = run.Output.GetTypeByMetadataName("SpecGen.Generated.PingRequest")!;
        Assert.Equal(
            ["_2fa", "XAppKey", "Class", "_", "Namespace"],
            request.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name));
    }

    [Fact]
    public void SPEC0017_two_folders_that_would_share_a_client_with_different_envelopes_report_the_later_service()
    {
        const string Interface = "interface: {0}\nmethod: POST\nurl: /{0}\n";
        GeneratorRun run = GeneratorHarness.Run(
            ("a/service.yaml", "service: Shop\nnamespace: Same\nenvelope: { code: errorCode }\n"),
            ("a/ping.yaml", string.Format(System.Globalization.CultureInfo.InvariantCulture, Interface, "Ping")),
            ("a/pong.yaml", string.Format(System.Globalization.CultureInfo.InvariantCulture, Interface, "Pong")),
            ("b/service.yaml", "service: Shop\nnamespace: Same\nenvelope: { code: resultCode }\n"),
            ("b/peek.yaml", string.Format(System.Globalization.CultureInfo.InvariantCulture, Interface, "Peek")),
            ("b/poke.yaml", string.Format(System.Globalization.CultureInfo.InvariantCulture, Interface, "Poke")));

        Diagnostic d = Single(run, "SPEC0017");
        Assert.Equal(GeneratorHarness.SpecRoot + "b/service.yaml", d.Location.GetLineSpan().Path);
        AssertPosition(d, line: 1, column: 10);
        Assert.Contains("Same.ShopClient", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_folders_that_agree_share_one_client()
    {
        const string Service = "service: Shop\nnamespace: Same\nenvelope: { code: errorCode }\n";
        GeneratorRun run = GeneratorHarness.Run(
            ("a/service.yaml", Service),
            ("a/ping.yaml", "interface: Ping\nmethod: POST\nurl: /ping\n"),
            ("b/service.yaml", Service),
            ("b/peek.yaml", "interface: Peek\nmethod: POST\nurl: /peek\n"));

        Assert.Empty(run.AllGeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        INamedTypeSymbol client = run.Output.GetTypeByMetadataName("Same.ShopClient")!;
        Assert.Equal(["PeekAsync", "PingAsync"], client.GetMembers().OfType<IMethodSymbol>().Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)).Select(m => m.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(@"url: /\/127.0.0.1:47123/login", @"/\/127.0.0.1:47123/login", "'\\' at character 2")]
    [InlineData("url: \"/\\t/127.0.0.1:47123/login\"", "/\t/127.0.0.1:47123/login", "U+0009 at character 2")]
    [InlineData("url: //127.0.0.1:47123/login", "//127.0.0.1:47123/login", "starts with '//'")]
    [InlineData("url: https://127.0.0.1:47123/login", "https://127.0.0.1:47123/login", "must start with '/'")]
    [InlineData("url: /login page", "/login page", "U+0020 at character 7")]
    [InlineData("url: /", "/", "a segment after the '/'")]
    public void SPEC0023_url_that_is_not_a_path_is_an_error_on_the_url(string urlLine, string url, string problem)
    {
        GeneratorRun run = GeneratorHarness.Run((File, "interface: Ping\nmethod: POST\n" + urlLine + "\nrequest:\n  - { name: id, type: String, position: Path }\n"));
        Diagnostic d = Assert.Single(run.AllGeneratorDiagnostics);
        Assert.Equal("SPEC0023", d.Id);

        AssertAt(d, line: 3, column: 6);
        Assert.StartsWith($"The url '{url}' is not a path on the service's address: ", d.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(problem, d.GetMessage(), StringComparison.Ordinal);

        // The model leaves the url out: no generated client carries the other host. (The spec's text, recorded as
        // [assembly: SpecSource] for a test project's fakes, is the spec as written; those fakes bind it again.)
        Assert.DoesNotContain(
            run.Result.Results.SelectMany(r => r.GeneratedSources).Where(s => !s.HintName.StartsWith("SpecGen.Source.", StringComparison.Ordinal)),
            source => source.SourceText.ToString().Contains("127.0.0.1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/oifde/rest/api/queryTransferRecordHistory")]
    [InlineData("/rest/isales/v1/openapi/campaigns/{vdnId}")]
    [InlineData("/a//b/../c?x=1")]
    public void SPEC0023_is_not_reported_for_a_path(string url)
    {
        GeneratorRun run = GeneratorHarness.Run((File, $"interface: Ping\nmethod: POST\nurl: \"{url}\"\nrequest:\n  - {{ name: vdnId, type: String, position: Path }}\n"));

        Assert.DoesNotContain(run.AllGeneratorDiagnostics, d => d.Id == "SPEC0023");
    }

    [Fact]
    public void SPEC0024_alias_is_refused_at_the_alias()
    {
        Diagnostic d = Single("SPEC0024", """
            interface: Ping
            title: &t Ping
            method: POST
            url: /ping
            description: *t
            """);

        AssertAt(d, line: 5, column: 14);
        Assert.Equal("The alias '*t' repeats a value written elsewhere; a spec writes each value out where it belongs, since aliases can expand without limit", d.GetMessage());
    }

    [Fact]
    public void SPEC0024_alias_to_a_node_that_contains_it_is_refused_too()
    {
        // A cyclic key would hash forever inside the YAML loader; the alias never reaches it.
        Diagnostic d = Single("SPEC0024", """
            interface: Ping
            method: POST
            url: /ping
            ? &loop [*loop]
            : x
            """);

        AssertAt(d, line: 4, column: 10);
    }

    [Fact]
    public void SPEC0024_anchors_without_aliases_are_fine()
    {
        GeneratorRun run = GeneratorHarness.Run((File, "interface: Ping\nmethod: &m POST\nurl: /ping\nrequest: &r\n  - { name: id, type: String }\n"));

        Assert.Empty(run.AllGeneratorDiagnostics);
    }

    [Theory]
    [InlineData('\u2028', "U+2028 (LINE SEPARATOR)")]
    [InlineData('\u2029', "U+2029 (PARAGRAPH SEPARATOR)")]
    [InlineData('\u0085', "U+0085 (NEXT LINE)")]
    public void SPEC0025_hidden_line_break_is_an_error_on_its_line_as_editors_count_lines(char hidden, string name)
    {
        // YAML would read 'maxLength: 1' as a key of its own; git diff shows one description line.
        string yaml = "interface: Ping\nmethod: POST\nurl: /ping\nrequest:\n  - name: id\n    type: String\n    description: Id." + hidden + "    maxLength: 1\n";
        Diagnostic d = Single(GeneratorHarness.Run((File, yaml)), "SPEC0025");

        AssertAt(d, line: 7, column: 21);
        Assert.Equal(name + " is a line break to YAML, but git diff and editors show the text around it as one line; write a space or a plain line break instead", d.GetMessage());
    }

    [Fact]
    public void SPEC0025_each_hidden_line_break_is_placed_by_the_lines_an_editor_shows()
    {
        // YAML counts the first U+2028 as a line, which would put the second one line too far down.
        string yaml = "interface: Ping\u2028x: 1\nmethod: POST\u2029\nurl: /ping\n";
        Diagnostic[] all = GeneratorHarness.Run((File, yaml)).AllGeneratorDiagnostics.ToArray();

        Assert.Equal(["SPEC0025", "SPEC0025"], all.Select(d => d.Id));
        AssertAt(all[0], line: 1, column: 16);
        AssertAt(all[1], line: 2, column: 13);
    }

    [Fact]
    public void SPEC0025_an_escaped_line_separator_is_visible_and_allowed()
    {
        GeneratorRun run = GeneratorHarness.Run((File, "interface: Ping\nmethod: POST\nurl: /ping\ndescription: \"a\\Lb\\u2029c\"\n"));

        Assert.Empty(run.AllGeneratorDiagnostics);
    }

    [Fact]
    public void SPEC0026_a_file_reports_its_first_100_errors_and_counts_the_rest()
    {
        var yaml = new System.Text.StringBuilder("interface: Ping\nmethod: POST\nurl: /ping\nrequest:\n  - name: id\n    type: String\n");
        for (int i = 0; i < 150; i++)
        {
            yaml.Append("    typo").Append(i).Append(": x\n");
        }

        Diagnostic[] all = GeneratorHarness.Run((File, yaml.ToString())).AllGeneratorDiagnostics.ToArray();

        Assert.Equal(100, all.Count(d => d.Id == "SPEC0003"));
        Diagnostic summary = Single(all, "SPEC0026");
        Assert.Equal(DiagnosticSeverity.Warning, summary.Severity);
        Assert.Equal("This file has 50 more problems, not reported one by one since a file reports at most 100 errors and 100 warnings; fix those first", summary.GetMessage());

        // At the first key it did not report: line 7 holds typo0.
        AssertAt(summary, line: 7 + 100, column: 5);
        Assert.Equal(101, all.Length);
    }

    [Fact]
    public void SPEC0014_an_example_reports_its_first_20_problems_and_counts_the_rest()
    {
        var yaml = new System.Text.StringBuilder("interface: Ping\nmethod: POST\nurl: /ping\nrequest:\n  - { name: id, type: String, mandatory: Yes }\nexamples:\n  request: |\n    {\n");
        for (int i = 0; i < 6500; i++)
        {
            yaml.Append("      \"p").Append(i).Append("\": 1,\n");
        }

        yaml.Append("      \"id\": \"1\"\n    }\n");
        Diagnostic[] all = GeneratorHarness.Run((File, yaml.ToString())).AllGeneratorDiagnostics.ToArray();

        Assert.Equal(21, all.Length);
        Assert.All(all, d => Assert.Equal("SPEC0014", d.Id));
        Assert.Equal(20, all.Count(d => d.GetMessage().EndsWith("which is not a body field of 'request'", StringComparison.Ordinal)));
        Diagnostic summary = all.Single(d => d.GetMessage().Contains("more problems", StringComparison.Ordinal));
        Assert.Equal("The request example has 6,480 more problems from here on, not reported one by one after the first 20", summary.GetMessage());

        // The 21st property, p20, is on line 9 + 20, its value after '"p20": '.
        AssertAt(summary, line: 9 + 20, column: 14);
    }

    private static Diagnostic Single(IEnumerable<Diagnostic> all, string id)
    {
        Diagnostic[] matching = all.Where(d => d.Id == id).ToArray();
        Assert.True(matching.Length == 1, $"Expected one {id}, got: {string.Join(Environment.NewLine, all.Select(d => d.ToString()))}");
        return matching[0];
    }

    private static Diagnostic Single(string id, string yaml) => Single(GeneratorHarness.Run((File, yaml)), id);

    /// <summary>The one diagnostic with <paramref name="id"/>; every other one would hide a second problem.</summary>
    private static Diagnostic Single(GeneratorRun run, string id)
    {
        Diagnostic[] all = run.AllGeneratorDiagnostics.ToArray();
        Assert.DoesNotContain(all, d => d.Id == "SPEC0016");
        Diagnostic[] matching = all.Where(d => d.Id == id).ToArray();
        Assert.True(matching.Length == 1, $"Expected one {id}, got: {string.Join(Environment.NewLine, all.Select(d => d.ToString()))}");
        Assert.Equal(id, matching[0].Id);
        return matching[0];
    }

    private static void AssertAt(Diagnostic diagnostic, int line, int column)
    {
        Assert.Equal(FilePath, diagnostic.Location.GetLineSpan().Path);
        AssertPosition(diagnostic, line, column);
    }

    private static void AssertPosition(Diagnostic diagnostic, int line, int column)
    {
        LinePosition start = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((line, column), (start.Line + 1, start.Character + 1));
    }
}

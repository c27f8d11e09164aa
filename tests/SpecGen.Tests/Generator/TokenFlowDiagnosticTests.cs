using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Generator;

/// <summary>
/// The <c>token:</c> section of service.yaml: a sound flow compiles, and every way it can be wrong
/// is a SPEC diagnostic on the service.yaml line that names the problem (1-based line and column).
/// </summary>
public sealed class TokenFlowDiagnosticTests
{
    private const string ServicePath = GeneratorHarness.SpecRoot + "shop/service.yaml";

    private const string TokenInterface = """
        interface: GetToken
        method: POST
        url: /token
        request:
          - { name: appKey, type: String, mandatory: Yes }
          - { name: appSecret, type: String, mandatory: Yes }
        response:
          - { name: errorCode, type: Integer, mandatory: Yes }
          - { name: authToken, type: String }
          - { name: expireTime, type: Integer }
        """;

    private const string Ping = """
        interface: Ping
        method: POST
        url: /ping
        request:
          - { name: id, type: String, mandatory: Yes }
          - { name: authToken, type: String, mandatory: Yes }
        response:
          - { name: errorCode, type: Integer, mandatory: Yes }
        """;

    /// <summary>service.yaml with a token section; line 5 is 'token:', line 6 'interface:'.</summary>
    private static string Service(
        string tokenInterface = "GetToken",
        string credentials = "[appKey, appSecret]",
        string answer = "{ token: authToken, validity: expireTime, unit: seconds }",
        string carry = "{ body: authToken }")
        => $"""
            service: Shop
            namespace: Shop.Api
            envelope:
              code: errorCode
            token:
              interface: {tokenInterface}
              credentials: {credentials}
              answer: {answer}
              carry: {carry}
            """;

    private static GeneratorRun Run(string service, string tokenInterface = TokenInterface, string ping = Ping, bool withTesting = false)
        => GeneratorHarness.Run(
            new[] { ("shop/service.yaml", service), ("shop/getToken.yaml", tokenInterface), ("shop/ping.yaml", ping) }.Select(s => GeneratorHarness.Spec(s.Item1, s.Item2)),
            withTesting: withTesting);

    [Fact]
    public void A_sound_flow_builds_clean_with_credentials_in_the_options_and_the_fake()
    {
        GeneratorRun run = Run(Service(), withTesting: true);

        Assert.Empty(run.AllGeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
        INamedTypeSymbol options = run.Output.GetTypeByMetadataName("Shop.Api.ShopClientOptions")!;
        Assert.NotNull(options.GetMembers("AppKey").SingleOrDefault());
        Assert.NotNull(options.GetMembers("AppSecret").SingleOrDefault());
        IPropertySymbol token = run.Output.GetTypeByMetadataName("Shop.Api.PingRequest")!.GetMembers("AuthToken").OfType<IPropertySymbol>().Single();
        Assert.Contains(token.GetAttributes(), a => a.AttributeClass!.Name == "SpecTokenAttribute");
        Assert.Contains(token.GetAttributes(), a => a.AttributeClass!.Name == "SpecSecretAttribute");
        Assert.Contains("server.UseTokens(", run.Source("Shop.Api.ShopClient.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0020_an_unknown_token_interface_is_reported_on_its_name_with_a_suggestion()
    {
        Diagnostic d = Single(Run(Service(tokenInterface: "GetTokn")), "SPEC0020");

        AssertAt(d, line: 6, column: 14);
        Assert.Contains("'GetTokn'", d.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("did you mean 'GetToken'?", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0021_a_credential_that_is_no_request_field_is_reported_on_its_name()
    {
        Diagnostic d = Single(Run(Service(credentials: "[appKey, appSecrt]")), "SPEC0021");

        AssertAt(d, line: 7, column: 25);
        Assert.Contains("credential 'appSecrt' is not a request field of interface 'GetToken'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0021_an_answer_field_the_response_table_lacks_is_reported_on_its_name()
    {
        Diagnostic d = Single(Run(Service(answer: "{ token: accessToken }")), "SPEC0021");

        AssertAt(d, line: 8, column: 20);
        Assert.Contains("token field 'accessToken' is not a response field", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_table_the_page_cut_off_is_taken_on_trust()
    {
        string cut = TokenInterface.Substring(0, TokenInterface.IndexOf("response:", StringComparison.Ordinal));

        GeneratorRun run = Run(Service(answer: "{ token: accessToken }"), tokenInterface: cut);

        Assert.Empty(run.AllGeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void SPEC0022_a_token_field_in_the_wrong_position_is_reported_on_carry()
    {
        Diagnostic d = Single(Run(Service(), ping: Ping.Replace("{ name: authToken, type: String,", "{ name: authToken, type: String, position: Header,", StringComparison.Ordinal)), "SPEC0022");

        AssertAt(d, line: 9, column: 18);
        Assert.Contains("'authToken' of interface 'Ping' has position Header", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0022_a_credential_that_is_not_a_String_is_reported_on_its_name()
    {
        Diagnostic d = Single(Run(Service(), tokenInterface: TokenInterface.Replace("{ name: appSecret, type: String", "{ name: appSecret, type: Integer", StringComparison.Ordinal)), "SPEC0022");

        AssertAt(d, line: 7, column: 25);
        Assert.Contains("has type Integer", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0022_a_validity_that_is_not_a_number_is_reported_on_its_name()
    {
        Diagnostic d = Single(Run(Service(), tokenInterface: TokenInterface.Replace("{ name: expireTime, type: Integer }", "{ name: expireTime, type: Boolean }", StringComparison.Ordinal)), "SPEC0022");

        AssertAt(d, line: 8, column: 41);
    }

    [Fact]
    public void SPEC0022_the_token_interface_carrying_the_token_itself_is_reported()
    {
        string carrying = TokenInterface.Replace("response:", "  - { name: authToken, type: String }\nresponse:", StringComparison.Ordinal);

        Diagnostic d = Single(Run(Service(), tokenInterface: carrying), "SPEC0022");

        AssertAt(d, line: 9, column: 18);
        Assert.Contains("token interface itself", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0012_an_unknown_unit_is_reported_on_its_value()
    {
        Diagnostic d = Single(Run(Service(answer: "{ token: authToken, unit: weeks }")), "SPEC0012");

        AssertAt(d, line: 8, column: 37);
        Assert.Contains("milliseconds, seconds, minutes, hours", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0012_a_token_carried_both_in_the_body_and_in_a_header_is_reported()
    {
        Diagnostic d = Single(Run(Service(carry: "{ body: authToken, header: X-Token }")), "SPEC0012");

        AssertAt(d, line: 9, column: 37);
    }

    [Fact]
    public void SPEC0002_a_flow_without_carry_is_reported_on_the_token_section()
    {
        string service = Service().Replace("  carry: { body: authToken }", string.Empty, StringComparison.Ordinal);

        Diagnostic d = Single(Run(service), "SPEC0002");

        AssertAt(d, line: 6, column: 3);
        Assert.Contains("'carry' is required in 'token'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0003_an_unknown_key_of_the_token_section_is_reported()
    {
        string service = Service().Replace("  carry:", "  refresh: always\n  carry:", StringComparison.Ordinal);

        Diagnostic d = Single(Run(service), "SPEC0003");

        AssertAt(d, line: 9, column: 3);
    }

    [Fact]
    public void SPEC0011_a_credential_whose_option_is_a_member_of_the_options_is_reported()
    {
        string tokenInterface = TokenInterface.Replace("{ name: appSecret,", "{ name: timeout,", StringComparison.Ordinal);

        Diagnostic d = Single(Run(Service(credentials: "[appKey, timeout]"), tokenInterface: tokenInterface), "SPEC0011");

        AssertAt(d, line: 7, column: 25);
        Assert.Contains("a member of SpecClientOptions", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_flow_leaves_the_client_compiling_without_it()
    {
        GeneratorRun run = Run(Service(credentials: "[appKey, appSecrt]"), withTesting: true);

        Assert.Single(run.AllGeneratorDiagnostics, d => d.Id == "SPEC0021");
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
        Assert.Empty(run.Output.GetTypeByMetadataName("Shop.Api.ShopClientOptions")!.GetMembers("AppKey"));
    }

    private static Diagnostic Single(GeneratorRun run, string id)
    {
        Diagnostic[] all = run.AllGeneratorDiagnostics.ToArray();
        Assert.DoesNotContain(all, d => d.Id == "SPEC0016");
        Diagnostic[] matching = all.Where(d => d.Id == id).ToArray();
        Assert.True(matching.Length == 1 && all.Length == 1, $"Expected one {id} alone, got: {string.Join(Environment.NewLine, all.Select(d => d.ToString()))}");
        return matching[0];
    }

    private static void AssertAt(Diagnostic diagnostic, int line, int column)
    {
        Assert.Equal(ServicePath, diagnostic.Location.GetLineSpan().Path);
        LinePosition start = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((line, column), (start.Line + 1, start.Character + 1));
    }
}

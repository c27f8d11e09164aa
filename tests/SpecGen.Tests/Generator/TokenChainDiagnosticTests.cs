using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Generator;

/// <summary>
/// Chains of token flows across folders (<c>token.needs</c>), carrying a token in a query
/// parameter, a cookie or after a prefix, and signed services (<c>signed:</c>): sound declarations
/// compile, and each way to get one wrong is a SPEC diagnostic on its line (1-based).
/// </summary>
public sealed class TokenChainDiagnosticTests
{
    private const string ShopService = GeneratorHarness.SpecRoot + "shop/service.yaml";

    private const string FabricIssue = """
        interface: Issue
        method: POST
        url: /oauth/token
        request:
          - { name: app_key, type: String, mandatory: Yes }
          - { name: app_secret, type: String, mandatory: Yes }
        response:
          - { name: AccessToken, type: String }
        """;

    private const string GetToken = """
        interface: GetToken
        method: POST
        url: /token
        request:
          - { name: Authorization, type: String, position: Header, mandatory: Yes }
          - { name: appKey, type: String, mandatory: Yes }
        response:
          - { name: errorCode, type: Integer, mandatory: Yes }
          - { name: token, type: String }
        """;

    private const string Ping = """
        interface: Ping
        method: GET
        url: /ping
        request:
          - { name: id, type: String, position: Query, mandatory: Yes }
          - { name: Authorization, type: String, position: Header, mandatory: Yes }
          - { name: shop-token, type: String, position: Header, mandatory: Yes }
        response:
          - { name: errorCode, type: Integer, mandatory: Yes }
        """;

    private static string Fabric(string extra = "")
        => $$"""
            service: Fabric
            namespace: Fabric.Api
            token:
              interface: Issue
              credentials: [app_key, app_secret]
              answer: { token: AccessToken }
              carry: { header: Authorization, prefix: "Bearer " }
            {{extra}}
            """;

    /// <summary>Line 5 'token:', 6 'interface:', 9 'carry:', 10 'needs:'.</summary>
    private static string Shop(string needs = "Fabric", string carry = "{ header: shop-token }", string extra = "")
        => $"""
            service: Shop
            namespace: Shop.Api
            envelope:
              code: errorCode
            token:
              interface: GetToken
              credentials: [appKey]
              answer: {"{"} token: token {"}"}
              carry: {carry}
              needs: {needs}
            {extra}
            """;

    private static GeneratorRun Run(string shop, string fabric = "", string getToken = GetToken, string ping = Ping, bool withTesting = false, params (string Path, string Yaml)[] more)
        => GeneratorHarness.Run(
            new[]
            {
                ("shop/service.yaml", shop), ("shop/getToken.yaml", getToken), ("shop/ping.yaml", ping),
                ("fabric/service.yaml", fabric.Length == 0 ? Fabric() : fabric), ("fabric/issue.yaml", FabricIssue),
            }.Concat(more).Select(s => GeneratorHarness.Spec(s.Item1, s.Item2)),
            withTesting: withTesting);

    [Fact]
    public void A_sound_chain_builds_clean_and_the_client_takes_the_needed_service_s_client()
    {
        GeneratorRun run = Run(Shop(), withTesting: true);

        Assert.Empty(run.AllGeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
        string shop = run.Source("Shop.Api.ShopClient.g.cs");
        Assert.Contains("global::Fabric.Api.IFabricClient? neededTokens = null", shop, StringComparison.Ordinal);
        Assert.Contains("SendWithTokensAsync", shop, StringComparison.Ordinal);
        Assert.Contains("flow.CarryPrefix = \"Bearer \";", run.Source("Fabric.Api.FabricClient.g.cs"), StringComparison.Ordinal);
        Assert.Contains("internal global::SpecGen.SpecTokenFlow SpecGenTokenFlow", run.Source("Fabric.Api.FabricClient.g.cs"), StringComparison.Ordinal);
        Assert.Contains("CarriesNeededToken = true", run.Source("Shop.Api.Ping.g.cs"), StringComparison.Ordinal);
        INamedTypeSymbol options = run.Output.GetTypeByMetadataName("Shop.Api.ShopClientOptions")!;
        Assert.Empty(options.GetMembers("Authorization"));
    }

    [Fact]
    public void SPEC0036_a_chain_that_loops_is_reported_on_each_needs()
    {
        GeneratorRun run = Run(Shop(), fabric: Fabric("  needs: Shop"));

        Diagnostic[] loops = run.AllGeneratorDiagnostics.Where(d => d.Id == "SPEC0036").ToArray();
        Assert.Equal(2, loops.Length);
        Assert.All(loops, d => Assert.Contains("loops", d.GetMessage(), StringComparison.Ordinal));
        Diagnostic shop = Assert.Single(loops, d => d.Location.GetLineSpan().Path == ShopService);
        AssertAt(shop, line: 10, column: 10);
    }

    [Fact]
    public void SPEC0036_a_flow_that_needs_itself_is_reported()
    {
        Diagnostic d = Single(Run(Shop(needs: "Shop")), "SPEC0036");

        AssertAt(d, line: 10, column: 10);
        Assert.Contains("cannot need its own token", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0037_a_token_interface_without_the_needed_carrier_is_reported_on_needs()
    {
        Diagnostic d = Single(Run(Shop(), getToken: GetToken.Replace("  - { name: Authorization, type: String, position: Header, mandatory: Yes }\n", string.Empty, StringComparison.Ordinal)), "SPEC0037");

        AssertAt(d, line: 10, column: 10);
        Assert.Contains("carried in a header 'Authorization'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0038_a_signed_service_whose_interface_declares_the_signature_header_is_reported_on_the_field()
    {
        GeneratorRun run = Run(Shop(), more: [
            ("cms/service.yaml", "service: Cms\nnamespace: Cms.Api\nsigned:\n  header: X-Signature\n"),
            ("cms/state.yaml", "interface: State\nmethod: POST\nurl: /state\nrequest:\n  - { name: X-Signature, type: String, position: Header }\n  - { name: vdn, type: Integer }\n")]);

        Diagnostic d = Assert.Single(run.AllGeneratorDiagnostics);
        Assert.Equal("SPEC0038", d.Id);
        Assert.EndsWith("cms/state.yaml", d.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Equal(4, d.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Theory]
    [InlineData("{ cookie: sid, prefix: \"x \" }", "a cookie carries 'name=token'")]
    [InlineData("{ cookie: \"s;id\" }", "not a cookie name")]
    [InlineData("{ header: shop-token, prefix: \"\" }", "empty 'prefix'")]
    public void SPEC0039_a_bad_carry_combination_is_reported(string carry, string problem)
    {
        Diagnostic d = Single(Run(Shop(carry: carry)), "SPEC0039");

        Assert.Equal(ShopService, d.Location.GetLineSpan().Path);
        Assert.Equal(9, d.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains(problem, d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0040_an_unknown_flow_is_reported_on_needs_with_a_suggestion()
    {
        Diagnostic d = Single(Run(Shop(needs: "Fabrik")), "SPEC0040");

        AssertAt(d, line: 10, column: 10);
        Assert.Contains("did you mean 'Fabric'?", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0041_a_token_carried_in_the_signature_header_is_reported_on_carry()
    {
        GeneratorRun run = Run(Shop(needs: "Fabric", extra: "signed:\n  header: shop-token"));

        Diagnostic d = Assert.Single(run.AllGeneratorDiagnostics, d => d.Id == "SPEC0041");
        AssertAt(d, line: 9, column: 20);
    }

    [Theory]
    [InlineData("{ cookie: sid }", "Cookie", "\"sid=\"")]
    [InlineData("{ query: access_token, prefix: \"tk.\" }", "access_token", "\"tk.\"")]
    public void A_token_carried_in_a_cookie_or_a_query_parameter_fills_the_declared_field_with_its_prefix(string carry, string field, string prefix)
    {
        string ping = field == "Cookie"
            ? Ping.Replace("name: shop-token", "name: Cookie", StringComparison.Ordinal)
            : Ping.Replace("name: shop-token, type: String, position: Header", "name: access_token, type: String, position: Query", StringComparison.Ordinal);

        GeneratorRun run = Run(Shop(carry: carry), ping: ping, withTesting: true);

        Assert.Empty(run.AllGeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
        Assert.Contains($"flow.CarryPrefix = {prefix};", run.Source("Shop.Api.ShopClient.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_signed_service_builds_clean_and_registers_signing_of_each_attempt()
    {
        GeneratorRun run = Run(Shop(), withTesting: true, more: [
            ("cms/service.yaml", "service: Cms\nnamespace: Cms.Api\nsigned:\n  header: X-Signature\n"),
            ("cms/state.yaml", "interface: State\nmethod: POST\nurl: /state\nrequest:\n  - { name: vdn, type: Integer }\n")]);

        Assert.Empty(run.AllGeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
        string cms = run.Source("Cms.Api.CmsClient.g.cs");
        Assert.Contains("global::SpecGen.ISpecRequestSigner? requestSigner = null", cms, StringComparison.Ordinal);
        Assert.Contains("SpecClientRegistration.SignEachAttempt(", cms, StringComparison.Ordinal);
        Assert.Contains("server.RequireSignature(\"X-Signature\");", cms, StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0021_a_sent_field_the_token_interface_lacks_is_reported_on_its_value()
    {
        Diagnostic d = Single(Run(Shop(extra: "  send: { X-Expire: 600 }")), "SPEC0021");

        Assert.Equal(ShopService, d.Location.GetLineSpan().Path);
        Assert.Contains("sent field 'X-Expire'", d.GetMessage(), StringComparison.Ordinal);
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
        Assert.Equal(ShopService, diagnostic.Location.GetLineSpan().Path);
        LinePosition start = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((line, column), (start.Line + 1, start.Character + 1));
    }
}

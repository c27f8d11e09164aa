using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Generator;

/// <summary>
/// The <c>session:</c> section of service.yaml: a sound session compiles with its credentials in
/// the options, its singleton registered and its fake, and every way it can be wrong is a SPEC
/// diagnostic on the line that names the problem (1-based line and column).
/// </summary>
public sealed class SessionDiagnosticTests
{
    private const string GatewayFolder = GeneratorHarness.SpecRoot + "gateway/";

    private const string SignIn = """
        interface: SignIn
        method: PUT
        url: /agents/{agentid}/login
        request:
          - { name: agentid, type: String, position: Path, mandatory: Yes }
          - { name: password, type: String, mandatory: Yes }
          - { name: autoanswer, type: Boolean, default: true }
        """;

    private const string SignOut = """
        interface: SignOut
        method: DELETE
        url: /agents/{agentid}/logout
        request:
          - { name: agentid, type: String, position: Path, mandatory: Yes }
        """;

    private const string Ping = """
        interface: Ping
        method: GET
        url: /ping/{id}
        request:
          - { name: id, type: String, position: Path, mandatory: Yes }
        response:
          - { name: state, type: String }
        """;

    /// <summary>service.yaml with a session; line 3 is 'session:', line 4 'signIn:' (the session's first key), line 5 'credentials:', line 6 'answer:', line 9 'signOut:'.</summary>
    private static string Service(
        string signIn = "SignIn",
        string credentials = "[agentid, password]",
        string answer = "  answer: { header: Guid }",
        string signOut = "SignOut")
        => $"""
            service: Gateway
            namespace: Gateway.Api
            session:
              signIn: {signIn}
              credentials: {credentials}
            {answer}
              carry: {"{"} header: Guid {"}"}
              rotates: true
              signOut: {signOut}
            """;

    private static GeneratorRun Run(string service, string signIn = SignIn, string ping = Ping, bool withTesting = false)
        => GeneratorHarness.Run(
            new[] { ("gateway/service.yaml", service), ("gateway/signIn.yaml", signIn), ("gateway/signOut.yaml", SignOut), ("gateway/ping.yaml", ping) }.Select(s => GeneratorHarness.Spec(s.Item1, s.Item2)),
            withTesting: withTesting);

    [Fact]
    public void A_sound_session_builds_clean_with_credentials_in_the_options_the_singleton_and_the_fake()
    {
        GeneratorRun run = Run(Service(), withTesting: true);

        Assert.Empty(run.AllGeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
        INamedTypeSymbol options = run.Output.GetTypeByMetadataName("Gateway.Api.GatewayClientOptions")!;
        Assert.NotNull(options.GetMembers("Agentid").SingleOrDefault());
        Assert.NotNull(options.GetMembers("Password").SingleOrDefault());
        IPropertySymbol password = run.Output.GetTypeByMetadataName("Gateway.Api.SignInRequest")!.GetMembers("Password").OfType<IPropertySymbol>().Single();
        Assert.Contains(password.GetAttributes(), a => a.AttributeClass!.Name == "SpecSecretAttribute");
        string client = run.Source("Gateway.Api.GatewayClient.g.cs");
        Assert.Contains("TryAddSingleton<global::SpecGen.SpecSession<global::Gateway.Api.GatewayClient>>", client, StringComparison.Ordinal);
        Assert.Contains("flow.UseSignOut(\"SignOut\", this.SpecGenSignOutAsync);", client, StringComparison.Ordinal);
        Assert.Contains("server.UseSessions(", client, StringComparison.Ordinal);
        Assert.Contains("SendInSessionAsync", run.Source("Gateway.Api.Ping.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain("SendInSessionAsync", run.Source("Gateway.Api.SignIn.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0043_an_unknown_sign_in_or_sign_out_is_reported_on_its_name_with_a_suggestion()
    {
        Diagnostic signIn = Single(Run(Service(signIn: "SignInn")), "SPEC0043");
        Diagnostic signOut = Single(Run(Service(signOut: "SignOff")), "SPEC0043");

        AssertAt(signIn, line: 4, column: 11);
        Assert.Contains("sign-in interface 'SignInn'", signIn.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("did you mean 'SignIn'?", signIn.GetMessage(), StringComparison.Ordinal);
        AssertAt(signOut, line: 9, column: 12);
        Assert.Contains("sign-out interface 'SignOff'", signOut.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 4, 3, "has no 'answer'")]
    [InlineData("  answer: { }", 6, 11, "names no 'header' or 'cookie'")]
    [InlineData("  answer: { header: Guid, cookie: JSESSIONID }", 6, 35, "names both a header and a cookie")]
    [InlineData("  answer: { header: 'Guid=x' }", 6, 21, "is not a header or cookie name")]
    public void SPEC0044_a_sign_in_without_one_header_or_cookie_to_read_is_reported_where_it_is_missing(string answer, int line, int column, string problem)
    {
        Diagnostic d = Single(Run(Service(answer: answer)), "SPEC0044");

        AssertAt(d, line, column);
        Assert.Contains(problem, d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0045_an_interface_that_declares_the_carry_header_as_a_field_is_reported_on_the_field()
    {
        string ping = Ping.Replace("  - { name: id,", "  - { name: guid, type: String, position: Header }\n  - { name: id,", StringComparison.Ordinal);

        Diagnostic d = Single(Run(Service(), ping: ping), "SPEC0045");

        Assert.Equal(GatewayFolder + "ping.yaml", d.Location.GetLineSpan().Path);
        Assert.Equal(5, d.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("Interface 'Ping' declares 'guid', the header its service's session carries", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0046_a_credential_the_sign_in_lacks_and_a_mandatory_field_no_credential_fills_are_reported()
    {
        Diagnostic unknown = Single(Run(Service(credentials: "[agentid, password, pasword]")), "SPEC0046");
        Diagnostic unfilled = Single(Run(Service(credentials: "[agentid]")), "SPEC0046");

        AssertAt(unknown, line: 5, column: 36);
        Assert.Contains("credential 'pasword' of interface 'SignIn' is not a request field; did you mean 'password'?", unknown.GetMessage(), StringComparison.Ordinal);
        AssertAt(unfilled, line: 4, column: 11);
        Assert.Contains("sign-in field 'password' of interface 'SignIn' is mandatory, but not among the session's 'credentials'", unfilled.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0046_a_mandatory_sign_out_field_no_credential_names_is_reported_on_signOut()
    {
        Diagnostic d = Single(Run(Service(credentials: "[password, agentid]").Replace("signOut: SignOut", "signOut: Ping", StringComparison.Ordinal)), "SPEC0046");

        AssertAt(d, line: 9, column: 12);
        Assert.Contains("sign-out field 'id' of interface 'Ping' is mandatory, but no credential of the sign-in has its name", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_and_a_session_in_one_service_is_SPEC0012()
    {
        string service = Service() + "\ntoken:\n  interface: SignIn\n  answer: { token: t }\n  carry: { header: X-Token }\n";

        Diagnostic d = Assert.Single(Run(service).AllGeneratorDiagnostics, d => d.Id == "SPEC0012");

        AssertAt(d, line: 4, column: 3);
        Assert.Contains("not both", d.GetMessage(), StringComparison.Ordinal);
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
        Assert.Equal(GatewayFolder + "service.yaml", diagnostic.Location.GetLineSpan().Path);
        LinePosition start = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((line, column), (start.Line + 1, start.Character + 1));
    }
}

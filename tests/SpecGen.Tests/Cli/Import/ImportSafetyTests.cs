using SpecGen.Cli.Import;
using YamlDotNet.RepresentationModel;

namespace SpecGen.Tests.Cli.Import;

/// <summary>
/// Pages that try to slip something past the reader of the spec: a URL that sends the client to
/// another host, and text with characters YAML reads as line breaks.
/// </summary>
public sealed class ImportSafetyTests
{
    [Theory]
    [InlineData("/oifde/rest/api/login", null)]
    [InlineData("/api/{tenantId}/login", null)]
    [InlineData("/api/user@example.com/login", null)]
    [InlineData("/", null)]
    [InlineData("/\\/127.0.0.1:47123/login", "has a backslash")]
    [InlineData("/api\\login", "has a backslash")]
    [InlineData("/\t/127.0.0.1:47123/login", "has whitespace or a control character")]
    [InlineData("/api /login", "has whitespace or a control character")]
    [InlineData("/api\u2028/login", "has whitespace or a control character")]
    [InlineData("//127.0.0.1:47123/login", "starts with '//'")]
    [InlineData("/http://127.0.0.1:47123/login", "has a scheme ('x://')")]
    [InlineData("/user@127.0.0.1:47123/login", "has '@' in its first segment")]
    [InlineData("api/login", "does not start with '/'")]
    public void A_URL_path_that_is_not_a_plain_path_is_named(string path, string? problem)
    {
        string? found = UrlPaths.Problem(path);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.StartsWith(problem, found, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("https://IP:PORT/api/login", 0)]
    [InlineData("https://IP:PORT/http://127.0.0.1:47123/login", 1)]
    [InlineData("https://IP:PORT/user@127.0.0.1:47123/login", 1)]
    public void A_page_whose_URL_is_not_a_plain_path_is_marked_for_review(string url, int reviews)
    {
        using var session = new CliSession();
        session.Write("login.txt", Page(url, "Tenant ID."));

        CliResult result = session.Run("import", "login.txt", "-o", "spec/shop");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains($"{reviews} to review", result.Out, StringComparison.Ordinal);
        string[] lines = session.Read("spec/shop/login.yaml").Split('\n');
        int urlAt = Array.FindIndex(lines, l => l.StartsWith("url: ", StringComparison.Ordinal));
        bool marked = Array.FindIndex(lines, l => l.StartsWith("# review: the page's URL path is not a plain path", StringComparison.Ordinal)) is var at && at >= 0;
        Assert.Equal(reviews == 1, marked);
        if (marked)
        {
            // The mark is right above the url, however many lines it wraps to.
            Assert.All(lines[Array.FindIndex(lines, l => l.StartsWith("# review: the page's URL", StringComparison.Ordinal))..urlAt], l => Assert.StartsWith("# ", l, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("/\\/127.0.0.1:47123/login", "'\\' at character 2")]
    [InlineData("https://IP:PORT//127.0.0.1:47123/login", "starts with '//'")]
    public void A_page_whose_URL_the_build_would_refuse_is_refused_at_its_URL_line(string url, string reason)
    {
        using var session = new CliSession();
        session.Write("login.txt", Page(url, "Tenant ID."));

        CliResult result = session.Run("import", "login.txt", "-o", "spec/shop");

        Assert.True(result.Exit == 1, result.ToString());
        // The URL is the page's line 9 (title, blank, Method, blank, POST, blank, URL, blank, address).
        Assert.Contains("login.txt(9): error: the page's URL path", result.Error, StringComparison.Ordinal);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was written", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("please report", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(session.Files(), f => f.EndsWith(".yaml", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData('\u2028')]
    [InlineData('\u2029')]
    [InlineData('\u0085')]
    public void A_YAML_line_break_in_a_page_description_is_kept_as_text_not_read_as_a_constraint(char lineBreak)
    {
        using var session = new CliSession();
        string description = $"Tenant ID.{lineBreak}      maxLength: 1";
        session.Write("login.txt", Page("https://IP:PORT/api/login", description));

        CliResult result = session.Run("import", "login.txt", "-o", "spec/shop");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("0 to review", result.Out, StringComparison.Ordinal);
        var stream = new YamlStream();
        stream.Load(new StringReader(session.Read("spec/shop/login.yaml")));
        var tenantId = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode)["request"]).Children[0];
        Assert.Equal(["name", "type", "position", "mandatory", "description"], tenantId.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal(description, ((YamlScalarNode)tenantId["description"]).Value);
    }

    private static string Page(string url, string tenantDescription) => $"""
        Interface for Logging In

        Method

        POST

        URL

        {url}

        Request

        Table 1 Parameters in the request body

        Parameter

        Type

        Mandatory

        Description

        tenantId

        String

        Yes

        {tenantDescription}

        Response

        Table 2 Response parameters

        Parameter

        Type

        Mandatory

        Description

        errorCode

        String

        Yes

        0: success.

        errorMessage

        String

        Yes

        Error message.

        """;
}

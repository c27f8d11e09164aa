using SpecGen.Cli.Import;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Cli.Import;

/// <summary>
/// The page shapes of issue 22, one own-text page each: what the spec must say, what it must not,
/// and that the generator takes it without an error.
/// </summary>
public sealed class PageShapeTests
{
    public static TheoryData<string, string, string[], string[]> Shapes => new()
    {
        {
            "a method written 'Post'",
            "Create a Ticket\n\nMethod\n\nPost\n\nURL\n\nhttps://ip:port/helpdesk/v1/createTicket\n\nRequest\n\nParameter\nType\nMandatory\nDescription\nsubject\nString\nYes\nTicket subject.\n",
            ["method: POST", "url: /helpdesk/v1/createTicket", "  - name: subject"],
            []
        },
        {
            "a Chinese prototype table (请求方法, 请求URL) and a 选取原则 column with 必选/可选",
            "创建工单\n\n接口原型\n\n请求方法\n请求URL\nPOST\nhttps://域名/helpdesk/v1/createTicket\n\n请求参数\n\n参数\n类型\n选取原则\n说明\nsubject\nString\n必选\n工单标题。\nremark\nString\n可选\n备注。\n",
            ["method: POST", "url: /helpdesk/v1/createTicket", "  - name: subject\n    type: String\n    mandatory: Yes", "  - name: remark\n    type: String\n    mandatory: No"],
            []
        },
        {
            "a one-line prototype table with its values on the next row, in lower case",
            "关闭工单\n\n请求方法	请求 URL\npost	https://IP:端口/helpdesk/v1/closeTicket\n\n参数	类型	选取原则	说明\nticketId	String	必选	工单编号。\n",
            ["method: POST", "url: /helpdesk/v1/closeTicket", "mandatory: Yes"],
            []
        },
        {
            "a column the importer does not know (Length)",
            "Pause an Agent\n\nMethod: POST\nURL: https://ip:port/agent/v1/pause\n\nParameter\nType\nLength\nMandatory\nDescription\nagentId\nString\n32\nYes\nAgent ID.\nreason\nInteger\n-\nNo\nPause reason code.\n",
            ["# review: the page's column 'Length' says '32'; SpecGen does not read that column (page line 13)", "  - name: reason"],
            ["# URL:", "position: Query", "'-'"]
        },
        {
            "a pipe table whose description holds a pipe",
            "Set a Mode\n\nMethod: PUT\nURL: /device/v1/mode\n\n| Parameter | Type | Description | Mandatory |\n|---|---|---|---|\n| mode | String | The mode: day | night | Yes |\n| level | Integer | Brightness level. | No |\n",
            ["description: \"The mode: day | night\"\n", "  - name: mode\n    type: String\n    mandatory: Yes"],
            []
        },
        {
            "a tab row with an empty type cell",
            "Set a Level\n\nMethod: PUT\nURL: /device/v1/level\n\nParameter	Type	Mandatory	Description\nlevel		Yes	The level.\nunit	String	No	The unit.\n",
            ["# review: the page gives no type; String assumed\n  - name: level", "  - name: unit"],
            []
        },
        {
            "a type cell that points at a section (2.1.1)",
            "Query an Agent\n\nMethod: GET\nURL: /agent/v1/queryAgent\n\nResponse\n\nParameter\nType\nDescription\nresult\nString\nResult code.\nagent\n2.1.1\nThe agent's data.\n\n2.1.1 agentInfo\n\nParameter\nType\nDescription\nname\nString\nAgent name.\nskills\nString[]\nSkill names.\n",
            ["# Its fields: 2.1.1 agentInfo (the page's type cell says '2.1.1')\n  - name: agent\n    type: Object", "      - name: skills\n        type: String[]"],
            ["types:"]
        },
        {
            "a URL run into the next sentence, with its host in words",
            "Leaving a Message\n\nMethod: POST\n\nURL: https://Domain Name/apiaccess/ccmessaging/doLeaveMessage.For example, the domain name is service.example.com.\n\nRequest\n\nParameter\nType\nDescription\ntext\nString\nThe message.\n",
            ["url: /apiaccess/ccmessaging/doLeaveMessage\n", "interface: DoLeaveMessage\n"],
            ["For"]
        },
        {
            "the title's own name, and a URL that ends with a period",
            "Querying System Parameters (querySysparam)\n\nMethod\n\nPOST\n\nURL\n\nhttps://domain name/rest/config/querysysparam. For example, https://10.0.0.1:8080/rest/config/querysysparam.\n\nRequest\n\nParameter\nType\nDescription\nkey\nString\nParameter key.\n",
            ["interface: QuerySysparam\n", "url: /rest/config/querysysparam\n"],
            ["querysysparam."]
        },
        {
            "the text after a table is not the last field's description",
            "Release a Call\n\nMethod: POST\nURL: /call/v1/release\n\nRequest\n\nParameter\nType\nDescription\ncallId\nString\nCall ID.\n\nMethod Name in Logs\n\nreleaseCall\n\nMessage body: None\n",
            ["    description: Call ID.\n"],
            ["releaseCall", "Method Name", "None"]
        },
        {
            "request and response given as brace blocks with bullets",
            "Issue a Session Key\n\nURL: https://Domain address/auth/v2/sessionKey\n\nReplace Domain address with the address of the gateway.\n\nRequest Body\n\n{\n\"client_id\": \"abc\",\n\"ttl\": 300,\n\"renew\": true\n}\n\n  • client_id indicates the client the key is for.\n  • ttl indicates the key's lifetime, in seconds.\n\nResponse Body\n\n{\n\"session_key\": \"xyz\",\n\"expires_in\": 300\n}\n\nsession_key indicates the issued key.\n",
            ["# review: the page names no HTTP method; POST assumed", "  - name: ttl\n    type: Integer\n    description: \"The key's lifetime, in seconds.\"", "  - name: renew\n    type: Boolean", "  - name: session_key\n    type: String\n    description: The issued key."],
            []
        },
        {
            "a Content-Type header row is a comment, not a field",
            "Upload a Form\n\nMethod: POST\nURL: /forms/v1/upload\n\nRequest\n\nTable 1 Request header parameters\nParameter\nType\nPosition\nMandatory\nDescription\nContent-Type\nString\nHeader\nYes\nFixed at application/json.\nX-Tenant\nString\nHeader\nYes\nTenant ID.\n",
            ["# The page's header 'Content-Type' (page line 14) is not a field: the client sets it", "  - name: X-Tenant"],
            ["name: Content-Type"]
        },
        {
            "a name from a lower-case URL segment takes the page's casing, marked for review",
            "Query Members\n\nMethod: GET\nURL: /team/v1/querymembers\n\nThe queryMembers interface lists the members of a team.\n\nParameter\nType\nDescription\nteamId\nString\nTeam ID.\n",
            ["interface: QueryMembers\n", "# review: the interface is named 'QueryMembers' after the casing the page shows ('queryMembers')"],
            []
        },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_page_shape_imports_into_what_the_page_says(string shape, string page, string[] contains, string[] lacks)
    {
        ImportedSpec spec = SpecBuilder.Build(PageReader.Read(page), "page.txt");
        string yaml = SpecYamlWriter.Interface(spec, withSchema: false).Text;

        foreach (string expected in contains)
        {
            Assert.True(yaml.Contains(expected, StringComparison.Ordinal), $"{shape}: expected '{expected}' in\n{yaml}");
        }

        foreach (string unexpected in lacks)
        {
            Assert.False(yaml.Contains(unexpected, StringComparison.Ordinal), $"{shape}: did not expect '{unexpected}' in\n{yaml}");
        }

        GeneratorRun run = GeneratorHarness.Run(("shape/" + spec.FileName + ".yaml", yaml), ("shape/service.yaml", SpecYamlWriter.Service("shape", [spec], withSchema: false)));
        Assert.DoesNotContain(run.AllGeneratorDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("Authentication Modes\n\nTable 1 Authentication modes\n\nMode\n\nDescription\n\nC1\n\nToken by AK/SK.\n", 0, "this page does not describe an interface: it gives no URL and no HTTP method")]
    [InlineData("Ping\n\nMethod: GET\nURL: /health/v1/ping\n\nThis interface answers when the service is up.\n", 4, "the page has no parameter table and no body block")]
    [InlineData("Ping\n\nURL: /health/v1/ping\n\nParameter\nType\nDescription\nid\nString\nThe ID.\n", 3, "the page gives no HTTP method")]
    public void A_page_with_no_address_no_method_or_no_table_is_refused(string page, int line, string message)
    {
        PageException error = Assert.Throws<PageException>(() => SpecBuilder.Build(PageReader.Read(page), "page.txt"));

        Assert.Equal(line, error.Line);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/a/doLeaveMessage.For", "/a/doLeaveMessage")]
    [InlineData("/a/querySysparam.", "/a/querySysparam")]
    [InlineData("/a/items:", "/a/items")]
    [InlineData("/a/file.json", "/a/file.json")]
    [InlineData("/a/v1.2/items", "/a/v1.2/items")]
    public void A_path_ends_where_the_address_ends(string path, string expected)
        => Assert.Equal(expected, PageReader.PathEnd(path));

    [Theory]
    [InlineData("Request URL", "request  url", "request-url:", "REQUESTURL")]
    [InlineData("Mandatory (Yes/No)", "mandatory(yes/no)", "MANDATORY ( YES / NO )", "Mandatory-Yes/No")]
    public void Words_match_regardless_of_case_spacing_and_punctuation(string a, string b, string c, string d)
    {
        string key = PageVocabulary.Key(a);
        Assert.All(new[] { b, c, d }, other => Assert.Equal(key, PageVocabulary.Key(other)));
        Assert.NotEqual(key, PageVocabulary.Key(a + "."));
    }
}

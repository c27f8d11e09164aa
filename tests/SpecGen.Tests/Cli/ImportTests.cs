using Microsoft.CodeAnalysis;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Cli;

/// <summary><c>specgen import</c>: reference pages, as copied from the browser, into specs that build.</summary>
public sealed class ImportTests
{
    [Fact]
    public void The_seed_page_imports_into_a_spec_with_the_public_API_of_the_hand_written_one()
    {
        using var session = new CliSession();
        // The shipped folder's service.yaml names its token interface, so that spec comes along.
        session.Write("spec/cec-chatbot/service.yaml", File.ReadAllText(Path.Combine(CliSession.ShippedSpecs, "cec-chatbot", "service.yaml")));
        session.Write("spec/cec-chatbot/gettoken.yaml", File.ReadAllText(Path.Combine(CliSession.ShippedSpecs, "cec-chatbot", "gettoken.yaml")));

        CliResult result = session.Run("import", CliSession.SeedPage, "-o", "spec/cec-chatbot");

        Assert.True(result.Exit == 0, result.ToString());
        string imported = session.Read("spec/cec-chatbot/queryTransferRecordHistory.yaml");
        string handWritten = File.ReadAllText(Path.Combine(CliSession.ShippedSpecs, "cec-chatbot", "queryTransferRecordHistory.yaml"));
        (string, string) service = ("cec-chatbot/service.yaml", session.Read("spec/cec-chatbot/service.yaml"));
        (string, string) token = ("cec-chatbot/gettoken.yaml", session.Read("spec/cec-chatbot/gettoken.yaml"));
        string expected = PublicApi.Of(Compile(service, token, ("cec-chatbot/queryTransferRecordHistory.yaml", handWritten)));
        string actual = PublicApi.Of(Compile(service, token, ("cec-chatbot/queryTransferRecordHistory.yaml", imported)));
        Assert.Contains("System.Collections.Generic.List<Cec.Chatbot.TransferRecord>? Cec.Chatbot.QueryTransferRecordHistoryResponse.TransferRecordList { get; set; } [SpecFieldAttribute(\"transferRecordList\", SpecGen.SpecPosition.Body)]", expected, StringComparison.Ordinal);
        Assert.True(expected == actual, Snapshot.Diff(expected, actual));
    }

    public static TheoryData<string, string> Pages => new()
    {
        { "reference", "queryTransferRecordHistory" },
        { "reference", "tokenByAkSk" },
        { "reference", "downloadRecordFile" },
        { "reference", "queryflows" },
        { "pages", "createOrder" },
        { "pages", "queryTasks" },
        { "pages", "registerDevice" },
        { "pages", "listQueues" },
        { "pages", "queryAgentState" },
        { "pages", "sendSurvey" },
        { "pages", "fetchInvoice" },
        { "pages", "queryBotTopics" },
    };

    /// <summary>Each page shape imports into a spec the generator takes without a diagnostic, whose code compiles; the YAML is a golden file.</summary>
    [Theory]
    [MemberData(nameof(Pages))]
    public void A_page_imports_into_a_spec_that_builds_clean(string folder, string page)
    {
        using var session = new CliSession();
        CliResult result = session.Run("import", Path.Combine(AppContext.BaseDirectory, "TestData", folder, page + ".txt"), "-o", "spec/imported");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Empty(result.Error);
        List<string> written = session.Files().ToList();
        Assert.Equal(2, written.Count);
        Assert.Contains("spec/imported/service.yaml", written);
        string specFile = written.Single(f => f != "spec/imported/service.yaml");

        Snapshot.VerifyFile(session.Read(specFile), "import." + page, "yaml");
        Snapshot.VerifyFile(session.Read("spec/imported/service.yaml"), "import." + page + ".service", "yaml");

        GeneratorRun run = GeneratorHarness.Run(written.Select(f => GeneratorHarness.Spec(f["spec/".Length..], session.Read(f))));
        Assert.DoesNotContain(run.AllGeneratorDiagnostics, d => d.Id != "SPEC0027");
        foreach (string file in written)
        {
            // Every review line the importer leaves is counted by the build's Info, once per file.
            int reviews = session.Read(file).Split('\n').Count(l => l.TrimStart().StartsWith("# review:", StringComparison.Ordinal));
            Diagnostic? info = run.AllGeneratorDiagnostics.SingleOrDefault(d => d.Id == "SPEC0027" && d.Location.GetLineSpan().Path.EndsWith(file["spec/".Length..], StringComparison.Ordinal));
            Assert.Equal(reviews, info is null ? 0 : int.Parse(info.GetMessage().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Empty(run.CompilationDiagnostics);
        Assert.Equal(0, session.Run("check", "spec").Exit);
    }

    [Fact]
    public void Several_pages_go_into_one_folder_with_one_service_file()
    {
        using var session = new CliSession();
        CliResult result = session.Run("import", Path.Combine(CliSession.Pages, "queryTasks.txt"), Path.Combine(CliSession.Pages, "queryAgentState.txt"), "-o", "spec/outbound");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal(["spec/outbound/queryAgentState.yaml", "spec/outbound/service.yaml", "spec/outbound/tasks.yaml"], session.Files());
        Assert.Contains("service: Outbound", session.Read("spec/outbound/service.yaml"), StringComparison.Ordinal);
        Assert.Equal(0, session.Run("check", "spec").Exit);
    }

    [Fact]
    public void A_folder_with_a_service_file_keeps_it_and_an_existing_spec_is_not_overwritten_without_force()
    {
        using var session = new CliSession();
        session.Write("spec/mine/service.yaml", "service: Mine\nnamespace: My.Api\n");
        string page = Path.Combine(CliSession.Pages, "sendSurvey.txt");

        Assert.Equal(0, session.Run("import", page, "-o", "spec/mine").Exit);
        Assert.Equal("service: Mine\nnamespace: My.Api\n", session.Read("spec/mine/service.yaml"));

        session.Write("spec/mine/sendSurvey.yaml", "# mine\n");
        CliResult again = session.Run("import", page, "-o", "spec/mine");
        Assert.Equal(1, again.Exit);
        Assert.Contains("pass --force", again.Error, StringComparison.Ordinal);
        Assert.Equal("# mine\n", session.Read("spec/mine/sendSurvey.yaml"));

        Assert.Equal(0, session.Run("import", page, "-o", "spec/mine", "--force").Exit);
        Assert.StartsWith("# Imported by specgen", session.Read("spec/mine/sendSurvey.yaml"), StringComparison.Ordinal);
    }

    public static TheoryData<string, int, string> MalformedPages => new()
    {
        { "bad-no-url", 11, "the page gives no URL" },
    };

    public static TheoryData<string, string, string> MostlyReadablePages => new()
    {
        { "bad-missing-column", "# review: page line 35: a row that does not fit the table's columns is left out ('No' is not a", "(1 row of the page left out, see the review lines)" },
        { "bad-unknown-type", "# review: 'customerInfo' (the type of 'customer', page line 37) is not a type SpecGen knows", "2 to review" },
    };

    /// <summary>A page that is mostly readable imports what it can; what it could not read is a review line at its place, and the summary says so.</summary>
    [Theory]
    [MemberData(nameof(MostlyReadablePages))]
    public void A_mostly_readable_page_imports_the_rest_and_marks_what_it_left_for_review(string page, string review, string summary)
    {
        using var session = new CliSession();
        CliResult result = session.Run("import", Path.Combine(CliSession.Pages, page + ".txt"), "-o", "spec/x");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains(summary, result.Out, StringComparison.Ordinal);
        string yaml = session.Read(session.Files().Single(f => f != "spec/x/service.yaml"));
        Assert.Contains(review, yaml, StringComparison.Ordinal);
        Assert.Equal(0, session.Run("check", "spec").Exit);
    }

    [Theory]
    [MemberData(nameof(MalformedPages))]
    public void A_malformed_page_gives_an_error_on_its_line_and_writes_nothing(string page, int line, string message)
    {
        using var session = new CliSession();
        string path = Path.Combine(CliSession.Pages, page + ".txt");

        // A good page beside it is not written either: an import is all or nothing.
        CliResult result = session.Run("import", Path.Combine(CliSession.Pages, "sendSurvey.txt"), path, "-o", "spec/x");

        Assert.Equal(1, result.Exit);
        Assert.Contains($"{path}({line}): error: {message}", result.Error, StringComparison.Ordinal);
        Assert.Empty(session.Files());
    }

    [Fact]
    public void What_the_importer_is_unsure_of_is_a_review_comment_not_a_constraint()
    {
        using var session = new CliSession();
        Assert.Equal(0, session.Run("import", Path.Combine(CliSession.Pages, "queryTasks.txt"), "-o", "spec/t").Exit);
        string yaml = session.Read("spec/t/tasks.yaml");

        // "kind" lists 1 and 2, and then speaks of 0: a proposal, not `values`.
        Assert.Contains("# review: the page lists 1, 2 and also speaks of 0", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("values: [1, 2]", yaml, StringComparison.Ordinal);

        // "state" lists three options and nothing else: they are the values.
        Assert.Contains("values: [RUNNING, PAUSED, DONE]", yaml, StringComparison.Ordinal);

        // The row the copy cut short is kept with what it has, and says what is missing.
        Assert.Contains("its mandatory mark and description are not", yaml, StringComparison.Ordinal);
    }

    private static string Reference(string page) => Path.Combine(AppContext.BaseDirectory, "TestData", "reference", page + ".txt");

    [Fact]
    public void A_token_interface_imported_with_the_interfaces_that_carry_its_token_gives_the_service_a_token_flow()
    {
        using var session = new CliSession();
        CliResult result = session.Run("import", Reference("getAppCubeToken"), Reference("queryflows"), "-o", "spec/bot");

        Assert.True(result.Exit == 0, result.ToString());
        string service = session.Read("spec/bot/service.yaml");
        Assert.Contains("# review: a proposed token flow, from getAppCubeToken.yaml", service, StringComparison.Ordinal);
        Assert.Contains("token:\n  interface: GetAppCubeToken\n  credentials: [appKey, appSecret]\n  answer:\n    token: authToken\n    validity: expireTime\n    unit: seconds\n  carry:\n    body: authToken\n", service, StringComparison.Ordinal);
        Assert.DoesNotContain("carries a token, but", session.Read("spec/bot/queryflows.yaml"), StringComparison.Ordinal);
        Assert.Equal(0, session.Run("check", "spec").Exit);
    }

    [Fact]
    public void A_token_field_with_no_flow_says_so_and_the_service_gets_a_commented_proposal()
    {
        using var session = new CliSession();
        // gettoken's page is cut before its response table: the token's name is not on it.
        CliResult result = session.Run("import", Reference("queryflows"), Reference("gettoken"), "-o", "spec/bot");

        Assert.True(result.Exit == 0, result.ToString());
        string service = session.Read("spec/bot/service.yaml");
        Assert.Contains("# token:\n#   interface: Gettoken\n#   credentials: [appKey, appSecret]\n", service, StringComparison.Ordinal);
        Assert.DoesNotContain("\ntoken:", service, StringComparison.Ordinal);
        string queryflows = session.Read("spec/bot/queryflows.yaml");
        Assert.Contains("# review: 'authToken' carries a token, but this folder's service.yaml has no token flow", queryflows, StringComparison.Ordinal);
        Assert.Contains("# review: the interface is named 'Queryflows' after the URL's lower-case segment 'queryflows'", queryflows, StringComparison.Ordinal);
        Assert.Equal(0, session.Run("check", "spec").Exit);
    }

    [Fact]
    public void A_page_given_as_brace_blocks_imports_its_fields_for_review()
    {
        using var session = new CliSession();
        CliResult result = session.Run("import", Reference("tokenByAkSk"), "-o", "spec/fabric");

        Assert.True(result.Exit == 0, result.ToString());
        string yaml = session.Read("spec/fabric/tokenByAkSk.yaml");
        Assert.Contains("url: /apigovernance/api/oauth/tokenByAkSk\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  - name: app_key\n    type: String\n    description: The app ID. Contact operations personnel to obtain it.\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  - name: X-Token-Expire\n    type: Integer\n    position: Header\n    maximum: 3600\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("name: Content-Type", yaml, StringComparison.Ordinal);
        Assert.Equal(0, session.Run("check", "spec").Exit);
    }

    private static Compilation Compile(params (string Path, string Yaml)[] specs)
    {
        GeneratorRun run = GeneratorHarness.Run(specs);
        Assert.DoesNotContain(run.AllGeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(run.CompilationDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return run.Output;
    }
}

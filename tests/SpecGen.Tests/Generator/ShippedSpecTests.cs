using Microsoft.CodeAnalysis;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Generator;

/// <summary>
/// The specs this repository ships under spec/ (copied beside the tests by the project file), one
/// per reference page: each folder builds with no diagnostic and compiles, and each page example
/// passes the example check, which is shown to run by breaking the example.
/// </summary>
public sealed class ShippedSpecTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "TestData", "spec");

    private static string[] Files()
        => Directory.EnumerateFiles(Root, "*.yaml", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Root, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Every shipped spec file, relative to spec/.</summary>
    public static TheoryData<string> SpecFiles() => new(Files());

    /// <summary>The shipped specs that carry a page example.</summary>
    public static TheoryData<string> SpecsWithExamples()
    {
        var data = new TheoryData<string>();
        foreach (string file in Files())
        {
            if (File.ReadAllText(Path.Combine(Root, file)).Contains("\nexamples:", StringComparison.Ordinal))
            {
                data.Add(file);
            }
        }

        return data;
    }

    private static IEnumerable<AdditionalText> Folder(string file, Func<string, string, string>? edit = null)
    {
        string folder = file.Substring(0, file.IndexOf('/', StringComparison.Ordinal));
        return Needed(folder).Prepend(folder).SelectMany(f => Directory.EnumerateFiles(Path.Combine(Root, f), "*.yaml").Order(StringComparer.Ordinal)
            .Select(path => f + "/" + Path.GetFileName(path)))
            .Select(relative => GeneratorHarness.Spec(relative, (edit ?? ((_, text) => text))(relative, File.ReadAllText(Path.Combine(Root, relative)))));
    }

    /// <summary>The folders whose token flows the folder's flow needs (token.needs): a folder builds with them.</summary>
    private static IEnumerable<string> Needed(string folder)
    {
        System.Text.RegularExpressions.Match needs = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Path.Combine(Root, folder, "service.yaml")), @"^\s+needs:\s*(\S+)", System.Text.RegularExpressions.RegexOptions.Multiline);
        return needs.Success
            ? Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>()
                .Where(other => File.Exists(Path.Combine(Root, other, "service.yaml")) && File.ReadAllText(Path.Combine(Root, other, "service.yaml")).Contains("\nservice: " + needs.Groups[1].Value + "\n", StringComparison.Ordinal))
            : [];
    }

    [Fact]
    public void A_spec_is_shipped_for_every_reference_page()
    {
        string[] interfaces = Files().Where(f => !f.EndsWith("/service.yaml", StringComparison.Ordinal)).ToArray();

        Assert.Equal(
            [
                "cec-apifabric/tokenByAkSk.yaml",
                "cec-appcube/getAppCubeToken.yaml",
                "cec-ccfs/downloadRecordFile.yaml",
                "cec-ccfs/playVoice.yaml",
                "cec-ccgateway-config/configLogin.yaml",
                "cec-ccgateway/signIn.yaml",
                "cec-ccmessaging/applyToken.yaml",
                "cec-ccmessaging/getClickToCallEvents.yaml",
                "cec-chatbot/gettoken.yaml",
                "cec-chatbot/queryTransferRecordHistory.yaml",
                "cec-chatbot/queryflows.yaml",
                "cec-cms/systemstate.yaml",
                "cec-isales/queryCampaigns.yaml",
                "cec-isales/queryOBSResults.yaml",
                "cec-isales/queryObsResultDetail.yaml",
            ],
            interfaces);
    }

    [Theory]
    [MemberData(nameof(SpecFiles))]
    public void Each_shipped_spec_builds_with_no_diagnostic_and_compiles(string file)
    {
        GeneratorRun run = GeneratorHarness.Run(Folder(file), withTesting: true);

        Assert.Empty(run.AllGeneratorDiagnostics.Select(d => d.ToString()));
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
        Assert.NotEmpty(run.HintNames);
    }

    [Theory]
    [MemberData(nameof(SpecsWithExamples))]
    public void Each_page_example_passes_the_example_check_which_a_broken_example_fails(string file)
    {
        Assert.Empty(GeneratorHarness.Run(Folder(file)).AllGeneratorDiagnostics.Select(d => d.ToString()));

        // The same spec with a property the page does not have in its response example.
        GeneratorRun broken = GeneratorHarness.Run(Folder(file, (relative, text) => relative == file
            ? text.Replace("  response: |\n    {\n", "  response: |\n    {\n      \"notOnThePage\": 1,\n", StringComparison.Ordinal)
            : text));

        Diagnostic d = Assert.Single(broken.AllGeneratorDiagnostics);
        Assert.Equal("SPEC0014", d.Id);
        Assert.Contains("notOnThePage", d.GetMessage(), StringComparison.Ordinal);
    }
}

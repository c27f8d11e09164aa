using System.Text.RegularExpressions;
using SpecGen.Generator.Hosting;

namespace SpecGen.Cli.Import;

/// <summary>
/// The service's <c>token:</c> section a folder's imported interfaces suggest: a token interface
/// among them (its name says token, and its response has a token field) gives the flow's interface,
/// credentials and answer; the fields marked <c>token: true</c> give where the token is carried.
/// Written as YAML only when every name comes from the imported specs themselves, so the
/// generator's checks of the flow hold; otherwise as comments, and the token fields say there is no flow.
/// </summary>
internal static partial class TokenProposal
{
    /// <summary>The lines to write into a new service.yaml (with their review comments); empty when no interface carries a token.</summary>
    public static List<string> Lines(IReadOnlyList<ImportedSpec> specs, out bool written)
    {
        written = false;
        List<ImportedField> carried = specs.SelectMany(s => s.Request).Where(f => f.Token).ToList();
        ImportedSpec? source = specs.FirstOrDefault(s => s.Interface.Contains("Token", StringComparison.OrdinalIgnoreCase));
        if (carried.Count == 0 && source is null)
        {
            return [];
        }

        ImportedField? answer = source?.Response.FirstOrDefault(f => f.Type == "String" && f.Name.Contains("token", StringComparison.OrdinalIgnoreCase));
        ImportedField? validity = source?.Response.FirstOrDefault(f => f.Type is "Integer" or "Long" && ValidityName().IsMatch(f.Name));
        List<ImportedField> credentials = source?.Request.Where(f => f.Secret || CredentialName().IsMatch(f.Name)).Where(f => f.Type == "String" && f.Position is null or "Body" or "Header").ToList() ?? [];
        ImportedField? carry = carried.FirstOrDefault(f => f.Position is null or "Body" or "Header" or "Query");
        string? named = specs.Select(s => s.TokenInterfaceNamed).FirstOrDefault(n => n is not null);

        var lines = new List<string>();
        if (source is null)
        {
            lines.Add($"# review: {string.Join(", ", carried.Select(f => f.Name).Distinct())} carr{(carried.Count == 1 ? "ies" : "y")} a token, but no token interface is imported into this folder{(named is null ? string.Empty : $" (the page names '{named}')")}: until the service has a token flow, the first call fails with SpecTokenMissingException. Import the token interface's page with these, and fill in this proposal:");
            lines.Add("# token:");
            lines.Add($"#   interface: {(named is null ? "<the token interface>" : SpecRules.CSharpName(named))}");
            lines.Add("#   credentials: [<its request fields that hold the credentials>]");
            lines.Add("#   answer:");
            lines.Add("#     token: <its response field that holds the token>");
            lines.Add("#   carry:");
            lines.Add($"#     {CarryKey(carry)}: {carry?.Name ?? "<the field that carries it>"}");
            return lines;
        }

        bool complete = answer is not null && credentials.Count > 0 && carry is not null;
        string prefix = complete ? string.Empty : "# ";
        lines.Add(complete
            ? $"# review: a proposed token flow, from {source.FileName}.yaml (its name and its '{answer!.Name}' answer) and the fields that carry a token; check the credentials, the validity and where the token goes"
            : $"# review: {source.FileName}.yaml looks like this folder's token interface, but {(answer is null ? "its response has no token field on the page" : credentials.Count == 0 ? "its request has no credential field" : "no imported interface carries a token")}: fill in this proposal and remove the '# ' marks");
        lines.Add(prefix + "token:");
        lines.Add(prefix + $"  interface: {source.Interface}");
        lines.Add(prefix + $"  credentials: [{(credentials.Count == 0 ? "<its credential fields>" : string.Join(", ", credentials.Select(c => c.Name)))}]");
        lines.Add(prefix + "  answer:");
        lines.Add(prefix + $"    token: {answer?.Name ?? "<its response field that holds the token>"}");
        if (validity is not null)
        {
            bool seconds = validity.Description.Contains("second", StringComparison.OrdinalIgnoreCase) || validity.Description.Contains('秒', StringComparison.Ordinal);
            lines.Add(prefix + $"    validity: {validity.Name}");
            if (seconds)
            {
                lines.Add(prefix + "    unit: seconds");
            }
        }

        lines.Add(prefix + "  carry:");
        lines.Add(prefix + $"    {CarryKey(carry)}: {carry?.Name ?? answer?.Name ?? "<the field that carries it>"}");
        written = complete;
        return lines;
    }

    /// <summary>
    /// A review line on each field that carries a token when the folder will have no token flow:
    /// the existing service.yaml has no <c>token:</c> section, or the new one only a commented proposal.
    /// </summary>
    public static void MarkUnflowedTokens(IReadOnlyList<ImportedSpec> specs, string? existingService)
    {
        bool flow = existingService is null
            ? Lines(specs, out bool written).Count > 0 && written
            : Regex.IsMatch(existingService, @"^token\s*:", RegexOptions.Multiline);
        if (flow)
        {
            return;
        }

        foreach (ImportedField field in specs.SelectMany(s => s.Request).Where(f => f.Token))
        {
            field.Comments.Add($"review: '{field.Name}' carries a token, but this folder's service.yaml has no token flow{(existingService is null ? " (only a commented proposal)" : string.Empty)}: the first call would fail with SpecTokenMissingException; write the service's token: section");
        }
    }

    private static string CarryKey(ImportedField? field) => field?.Position switch
    {
        "Header" => "header",
        "Query" => "query",
        _ => "body",
    };

    /// <summary>"It uses the gettoken interface to obtain tokens": the token interface a page names.</summary>
    public static string? NamedIn(string pageText)
    {
        Match match = NamedInterface().Match(pageText);
        return match.Success ? match.Groups["name"].Value : null;
    }

    [GeneratedRegex(@"expire|valid|ttl|lifetime", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ValidityName();

    [GeneratedRegex(@"^(?:app_?key|app_?secret|app_?id|client_?id|client_?secret|user_?name|password|ak|sk|access_?key|secret_?key)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CredentialName();

    [GeneratedRegex(@"(?:uses?|invoke|call)\s+the\s+(?<name>[a-z][A-Za-z0-9]*[Tt]oken[A-Za-z0-9]*)\s+interface", RegexOptions.CultureInvariant)]
    private static partial Regex NamedInterface();
}

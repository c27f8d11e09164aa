using System.Text.RegularExpressions;

namespace SpecGen.PackageTests.Infrastructure;

/// <summary>Facts read from the shipped spec/cec-chatbot files, so the tests follow the spec when it changes.</summary>
public static partial class ShippedSpec
{
    public const string InterfaceFile = "queryTransferRecordHistory.yaml";

    /// <summary>The 1-based line and column of the value of tenantId's <c>type: String</c> in the request.</summary>
    public static (int Line, int Column) TenantIdType(string specText)
    {
        string[] lines = specText.Split('\n');
        int name = Array.FindIndex(lines, l => NameTenantId().IsMatch(l));
        for (int i = name + 1; name >= 0 && i < lines.Length; i++)
        {
            Match type = TypeString().Match(lines[i]);
            if (type.Success)
            {
                return (i + 1, type.Groups["value"].Index + 1);
            }
        }

        throw new InvalidOperationException("The shipped spec has no 'type: String' under '- name: tenantId'");
    }

    /// <summary>The first value of a JSON property in the spec's examples, e.g. <c>"id"</c>.</summary>
    public static string ExampleValue(string specText, string property)
    {
        Match match = Regex.Match(specText, "\"" + Regex.Escape(property) + "\"\\s*:\\s*\"?(?<value>[^\",}\\s]+)\"?");
        return match.Success ? match.Groups["value"].Value : throw new InvalidOperationException($"No example value of '{property}' in the shipped spec");
    }

    [GeneratedRegex(@"^\s*-\s*name:\s*tenantId\s*$")]
    private static partial Regex NameTenantId();

    [GeneratedRegex(@"^\s*type:\s*(?<value>String)\s*$")]
    private static partial Regex TypeString();
}

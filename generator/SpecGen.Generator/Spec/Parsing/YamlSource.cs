using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Generator.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SpecGen.Generator.Spec;

/// <summary>
/// One YAML file being read: typed access to its nodes, each problem reported as a diagnostic
/// on the node's line and column. Only this class and <see cref="SpecParser"/> touch YamlDotNet.
/// </summary>
internal sealed class YamlSource
{
    /// <summary>
    /// The errors, and separately the warnings, of one file that are reported one by one; the rest
    /// are counted into one SPEC0026, so that no spec hands an IDE thousands of diagnostics. Errors
    /// and warnings are capped apart so that a flood of warnings never hides the file's first error.
    /// </summary>
    public const int MaxReportedPerSeverity = 100;

    private readonly List<DiagnosticInfo> _diagnostics = new();
    private int _errors;
    private int _others;
    private int _unreported;
    private LocationInfo? _firstUnreported;

    public YamlSource(string filePath) => FilePath = filePath;

    public string FilePath { get; }

    /// <summary>What was reported, closed by SPEC0026 when some were only counted.</summary>
    public IReadOnlyList<DiagnosticInfo> Diagnostics
        => _unreported == 0
            ? _diagnostics
            : new List<DiagnosticInfo>(_diagnostics)
            {
                DiagnosticInfo.Create(
                    DiagnosticDescriptors.TooManyDiagnostics,
                    _firstUnreported!,
                    _unreported.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                    MaxReportedPerSeverity.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            };

    /// <summary>False once the file has reported as many diagnostics of this severity as it may: a caller can skip working out the message.</summary>
    public bool WillReport(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor)
        => (descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error ? _errors : _others) < MaxReportedPerSeverity;

    public void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, params string[] args)
    {
        bool error = descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error;
        if ((error ? _errors++ : _others++) < MaxReportedPerSeverity)
        {
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));
        }
        else if (_unreported++ == 0)
        {
            _firstUnreported = location;
        }
    }

    public void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, YamlNode node, params string[] args)
        => Report(descriptor, Locate(node), args);

    /// <summary>Loads the document's root mapping, or reports why there is none.</summary>
    public YamlMappingNode? LoadRoot(string text)
    {
        if (HiddenLineBreaks.Report(text, this))
        {
            return null;
        }

        var stream = new YamlStream();
        var scanner = new Scanner(new System.IO.StringReader(text));
        try
        {
            stream.Load(new GuardedYamlParser(new Parser(scanner)));
        }
        catch (YamlAliasException ex)
        {
            Report(DiagnosticDescriptors.YamlAliasInSpec, Locate(ex.Start, ex.End), ex.Name);
            return null;
        }
        catch (YamlException ex)
        {
            // Some scanner errors (a tab as indentation) carry no position; the scanner stopped where they are.
            bool placed = ex.Start.Index != 0 || ex.End.Index != 0;
            Report(DiagnosticDescriptors.YamlSyntaxError, placed ? Locate(ex.Start, ex.End) : Locate(scanner.CurrentPosition, scanner.CurrentPosition), Describe(ex));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser loses its state on some broken flow mappings ("{ a: 1, b[c: 2 }")
            // instead of throwing a YamlException; the scanner stopped where the text went wrong.
            Report(DiagnosticDescriptors.YamlSyntaxError, Locate(scanner.CurrentPosition, scanner.CurrentPosition), "the YAML parser stopped here; check the brackets and braces of a flow list or mapping");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return new YamlMappingNode();
        }

        if (stream.Documents[0].RootNode is YamlMappingNode root)
        {
            return root;
        }

        Report(DiagnosticDescriptors.UnexpectedNodeKind, stream.Documents[0].RootNode, "A spec file", "a mapping of keys such as 'interface:' or 'service:'");
        return null;
    }

    /// <summary>Reports every key of <paramref name="map"/> that is not in <paramref name="known"/>.</summary>
    public void CheckKeys(YamlMappingNode map, IReadOnlyList<string> known, string where)
    {
        foreach (KeyValuePair<YamlNode, YamlNode> entry in map.Children)
        {
            string key = entry.Key is YamlScalarNode scalar ? scalar.Value ?? string.Empty : entry.Key.ToString();
            if (!Contains(known, key))
            {
                Report(DiagnosticDescriptors.UnknownKey, entry.Key, key, where, WillReport(DiagnosticDescriptors.UnknownKey) ? Suggestions.Hint(key, known) : string.Empty);
            }
        }
    }

    public static YamlNode? Get(YamlMappingNode map, string key)
    {
        foreach (KeyValuePair<YamlNode, YamlNode> entry in map.Children)
        {
            if (entry.Key is YamlScalarNode scalar && scalar.Value == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>The scalar under <paramref name="key"/>; reports a node of another kind.</summary>
    public YamlScalarNode? Scalar(YamlMappingNode map, string key)
    {
        YamlNode? node = Get(map, key);
        if (node is null or YamlScalarNode)
        {
            return (YamlScalarNode?)node;
        }

        Report(DiagnosticDescriptors.UnexpectedNodeKind, node, key, "a single value");
        return null;
    }

    public string? String(YamlMappingNode map, string key)
    {
        YamlScalarNode? node = Scalar(map, key);
        return node is null || IsNull(node) ? null : node.Value;
    }

    /// <summary>The scalar under <paramref name="key"/>, reporting it as missing from <paramref name="where"/>.</summary>
    public YamlScalarNode? RequiredScalar(YamlMappingNode map, string key, string where)
    {
        YamlScalarNode? node = Scalar(map, key);
        if (node is null || IsNull(node) || string.IsNullOrWhiteSpace(node.Value))
        {
            if (Get(map, key) is null or YamlScalarNode)
            {
                Report(DiagnosticDescriptors.MissingKey, node ?? (YamlNode)map, key, where);
            }

            return null;
        }

        return node;
    }

    public YamlSequenceNode? Sequence(YamlMappingNode map, string key) => Collection<YamlSequenceNode>(map, key, "a list");

    public YamlMappingNode? Mapping(YamlMappingNode map, string key) => Collection<YamlMappingNode>(map, key, "a mapping");

    /// <summary>The list or mapping under <paramref name="key"/>; an empty value is none, another kind is reported.</summary>
    private TNode? Collection<TNode>(YamlMappingNode map, string key, string kind)
        where TNode : YamlNode
    {
        YamlNode? node = Get(map, key);
        if (node is null or TNode)
        {
            return (TNode?)node;
        }

        if (node is not YamlScalarNode scalar || !IsNull(scalar))
        {
            Report(DiagnosticDescriptors.UnexpectedNodeKind, node, key, kind);
        }

        return null;
    }

    /// <summary>The mappings of a list, reporting items of another kind.</summary>
    public IEnumerable<YamlMappingNode> Mappings(YamlSequenceNode? sequence, string what)
    {
        if (sequence is null)
        {
            yield break;
        }

        foreach (YamlNode item in sequence.Children)
        {
            if (item is YamlMappingNode mapping)
            {
                yield return mapping;
            }
            else
            {
                Report(DiagnosticDescriptors.UnexpectedNodeKind, item, what, "a mapping such as '{ name: x, type: String }'");
            }
        }
    }

    /// <summary>The values of a list of scalars, or of a single scalar.</summary>
    public List<(string Value, YamlNode Node)>? Strings(YamlMappingNode map, string key)
    {
        YamlNode? node = Get(map, key);
        if (node is null)
        {
            return null;
        }

        var result = new List<(string, YamlNode)>();
        if (node is YamlScalarNode single)
        {
            result.Add((single.Value ?? string.Empty, single));
            return result;
        }

        if (node is YamlSequenceNode sequence)
        {
            foreach (YamlNode item in sequence.Children)
            {
                if (item is YamlScalarNode scalar)
                {
                    result.Add((scalar.Value ?? string.Empty, scalar));
                }
                else
                {
                    Report(DiagnosticDescriptors.UnexpectedNodeKind, item, key, "a list of single values");
                }
            }

            return result;
        }

        Report(DiagnosticDescriptors.UnexpectedNodeKind, node, key, "a list of single values");
        return null;
    }

    public LocationInfo Locate(YamlNode node) => Locate(node.Start, node.End);

    public LocationInfo Locate(Mark start, Mark end)
    {
        var startPosition = new LinePosition(ToZeroBased(start.Line), ToZeroBased(start.Column));
        var endPosition = new LinePosition(ToZeroBased(end.Line), ToZeroBased(end.Column));
        if (endPosition < startPosition)
        {
            endPosition = startPosition;
        }

        int startIndex = (int)Math.Max(0, start.Index);
        int endIndex = (int)Math.Max(startIndex, end.Index);
        return new LocationInfo(FilePath, TextSpan.FromBounds(startIndex, endIndex), new LinePositionSpan(startPosition, endPosition));
    }

    /// <summary>A plain <c>~</c>, <c>null</c> or empty value: YAML's null.</summary>
    public static bool IsNull(YamlScalarNode node)
        => node.Style is ScalarStyle.Plain or ScalarStyle.Any
        && (string.IsNullOrEmpty(node.Value) || node.Value == "~" || node.Value == "null" || node.Value == "Null" || node.Value == "NULL");

    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        foreach (string item in list)
        {
            if (item == value)
            {
                return true;
            }
        }

        return false;
    }

    // YamlDotNet marks are 1-based (and typed long since version 16); Roslyn's are 0-based ints.
    private static int ToZeroBased(long oneBased) => (int)Math.Max(0, oneBased - 1);

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes its messages with the (1-based) position, which the diagnostic already shows.
        string message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
        int prefix = message.IndexOf("): ", StringComparison.Ordinal);
        return prefix >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(prefix + 3) : message;
    }
}

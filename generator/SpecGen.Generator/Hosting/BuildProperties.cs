using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SpecGen.Generator.Hosting;

/// <summary>The MSBuild properties the generator reads, as the <c>build_property.X</c> global options a build gives it.</summary>
internal sealed class BuildProperties : AnalyzerConfigOptionsProvider
{
    /// <summary>Options from property names (<c>SpecGenSpecRoot</c>, not <c>build_property.SpecGenSpecRoot</c>) and values.</summary>
    public BuildProperties(IReadOnlyDictionary<string, string> properties)
        => GlobalOptions = new Options(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value, StringComparer.Ordinal));

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GlobalOptions { get; }

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>(StringComparer.Ordinal));

        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}

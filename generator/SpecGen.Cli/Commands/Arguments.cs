namespace SpecGen.Cli.Commands;

/// <summary>
/// A verb's arguments: positional values, options with a value (<c>-o DIR</c>, <c>--format=json</c>)
/// and flags. Small on purpose: three verbs with a handful of options need no parsing library.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private Arguments()
    {
    }

    public List<string> Positional { get; } = [];

    /// <summary>Splits <paramref name="args"/>; <paramref name="error"/> names the first option the verb does not take.</summary>
    /// <param name="valueOptions">Options that take a value, each with its aliases mapped to one name (<c>-o</c> to <c>--output</c>).</param>
    /// <param name="flags">Options that take no value.</param>
    public static Arguments Parse(IEnumerable<string> args, IReadOnlyDictionary<string, string> valueOptions, IReadOnlyCollection<string> flags, out string? error)
    {
        error = null;
        var parsed = new Arguments();
        using IEnumerator<string> e = args.GetEnumerator();
        bool onlyPositional = false;
        while (e.MoveNext())
        {
            string arg = e.Current;
            if (onlyPositional || arg.Length < 2 || arg[0] != '-')
            {
                parsed.Positional.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyPositional = true;
                continue;
            }

            string name = arg;
            string? inlineValue = null;
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg[..equals];
                inlineValue = arg[(equals + 1)..];
            }

            if (valueOptions.TryGetValue(name, out string? canonical))
            {
                if (inlineValue is null && !e.MoveNext())
                {
                    error = $"option '{name}' needs a value";
                    return parsed;
                }

                parsed._options[canonical] = inlineValue ?? e.Current;
            }
            else if (flags.Contains(name) && inlineValue is null)
            {
                parsed._flags.Add(name);
            }
            else
            {
                error = $"unknown option '{arg}'";
                return parsed;
            }
        }

        return parsed;
    }

    public string? Option(string name) => _options.TryGetValue(name, out string? value) ? value : null;

    public bool Flag(string name) => _flags.Contains(name);
}

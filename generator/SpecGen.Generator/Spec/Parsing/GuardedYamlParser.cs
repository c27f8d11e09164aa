using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SpecGen.Generator.Spec;

/// <summary>
/// Passes YAML events through to YamlDotNet's node loader, stopping the inputs that would take the
/// whole compiler down instead of giving a diagnostic: lists and mappings nested deeper than any
/// spec needs (the loader recurses, and ten thousand '[' overflow the stack), and any alias.
/// An alias is refused at its event, before the loader links it and before anything walks it: a
/// few nested aliases ("billion laughs") make a 2 KB spec stand for billions of nodes, and a spec
/// never needs one. Anchors alone repeat nothing, so they pass.
/// The depth becomes a <see cref="YamlException"/>, which the caller reports as SPEC0001; an alias
/// a <see cref="YamlAliasException"/>, reported as SPEC0024.
/// </summary>
internal sealed class GuardedYamlParser : IParser
{
    /// <summary>Far more than the deepest spec needs: each inline object level costs two.</summary>
    public const int MaxDepth = 256;

    private readonly IParser _inner;
    private int _depth;

    public GuardedYamlParser(IParser inner) => _inner = inner;

    public ParsingEvent? Current => _inner.Current;

    public bool MoveNext()
    {
        if (!_inner.MoveNext())
        {
            return false;
        }

        ParsingEvent current = _inner.Current!;
        switch (current)
        {
            case MappingStart or SequenceStart:
                if (++_depth > MaxDepth)
                {
                    throw new YamlException(current.Start, current.End, $"lists and mappings nest more than {MaxDepth} levels deep");
                }

                break;
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
            case AnchorAlias alias:
                throw new YamlAliasException(alias);
        }

        return true;
    }
}

/// <summary>An alias in a spec, which <see cref="GuardedYamlParser"/> refuses.</summary>
internal sealed class YamlAliasException : YamlException
{
    public YamlAliasException(AnchorAlias alias)
        : base(alias.Start, alias.End, "an alias in a spec")
        => Name = alias.Value.Value;

    /// <summary>The alias's name, without its '*'.</summary>
    public string Name { get; }
}

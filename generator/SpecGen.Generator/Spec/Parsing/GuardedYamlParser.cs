using System.Collections.Generic;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SpecGen.Generator.Spec;

/// <summary>
/// Passes YAML events through to YamlDotNet's node loader, stopping the two inputs that would
/// take the whole compiler down instead of giving a diagnostic: lists and mappings nested deeper
/// than any spec needs (the loader recurses, and ten thousand '[' overflow the stack), and an
/// alias to a node that is not complete yet (it makes a cycle, which hashes forever as a key).
/// Both become a <see cref="YamlException"/>, which the caller reports as SPEC0001.
/// </summary>
internal sealed class GuardedYamlParser : IParser
{
    /// <summary>Far more than the deepest spec needs: each inline object level costs two.</summary>
    public const int MaxDepth = 256;

    private readonly IParser _inner;
    private readonly Stack<AnchorName> _open = new();
    private readonly HashSet<string> _complete = new(System.StringComparer.Ordinal);

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
            case MappingStart { Anchor: var anchor }:
                Open(current, anchor);
                break;
            case SequenceStart { Anchor: var anchor }:
                Open(current, anchor);
                break;
            case MappingEnd or SequenceEnd:
                Close();
                break;
            case Scalar { Anchor: { IsEmpty: false } anchor }:
                _complete.Add(anchor.Value);
                break;
            case AnchorAlias alias when !_complete.Contains(alias.Value.Value):
                throw new YamlException(current.Start, current.End, $"the alias '*{alias.Value.Value}' refers to no complete value before it");
        }

        return true;
    }

    private void Open(ParsingEvent current, AnchorName anchor)
    {
        if (_open.Count >= MaxDepth)
        {
            throw new YamlException(current.Start, current.End, $"lists and mappings nest more than {MaxDepth} levels deep");
        }

        _open.Push(anchor);
    }

    private void Close()
    {
        if (_open.Count > 0 && _open.Pop() is { IsEmpty: false } anchor)
        {
            _complete.Add(anchor.Value);
        }
    }
}

using System;
using System.Text;

namespace SpecGen.Generator.Emit;

/// <summary>Writes C# text with indentation; emitters write through it and nothing else.</summary>
internal sealed class SourceWriter
{
    private const int SpacesPerLevel = 4;
    private readonly StringBuilder _builder = new();
    private int _indentation;

    public int Indentation
    {
        get => _indentation;
        set => _indentation = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public SourceWriter WriteLine(string line)
    {
        if (line.Length > 0)
        {
            _builder.Append(' ', _indentation * SpacesPerLevel);
            _builder.Append(line);
        }

        _builder.Append('\n');
        return this;
    }

    public SourceWriter WriteLine()
    {
        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="line"/> and opens a block after it.</summary>
    public SourceWriter OpenBlock(string line)
    {
        WriteLine(line);
        return OpenBlock();
    }

    public SourceWriter OpenBlock()
    {
        WriteLine("{");
        _indentation++;
        return this;
    }

    /// <summary>Closes a block; a blank line left before the brace is dropped, so emitters can separate items freely.</summary>
    public SourceWriter CloseBlock(string suffix = "")
    {
        if (_builder.Length >= 2 && _builder[_builder.Length - 1] == '\n' && _builder[_builder.Length - 2] == '\n')
        {
            _builder.Length--;
        }

        _indentation--;
        return WriteLine("}" + suffix);
    }

    public override string ToString() => _builder.ToString();
}

using System;
using System.Buffers;

namespace SpecGen;

/// <summary>An answer body in an array rented from <see cref="ArrayPool{T}.Shared"/>.</summary>
internal readonly struct SpecPooledBody
{
    private readonly byte[]? _buffer;
    private readonly int _length;

    public SpecPooledBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlySpan<byte> Span => _buffer is null ? default : new ReadOnlySpan<byte>(_buffer, 0, _length);

    public static void Return(byte[] buffer, int length)
    {
        // Answers carry tokens and personal data, and the pool hands the array to any code next.
        Array.Clear(buffer, 0, length);
        ArrayPool<byte>.Shared.Return(buffer);
    }

    public void Return()
    {
        if (_buffer is not null)
        {
            Return(_buffer, _length);
        }
    }
}

using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// The body of a file answer as the caller reads it: the bytes read to tell a file from an
/// error-code JSON first, then the rest straight from the connection, and never more than the
/// file limit. Nothing is buffered beyond the first read.
/// </summary>
internal sealed class SpecFileStream : Stream
{
    private readonly Stream _inner;
    private readonly string _interfaceName;
    private readonly int _status;
    private readonly long _limit;
    private readonly long? _declared;
    private byte[]? _prefix;
    private int _prefixOffset;
    private readonly int _prefixLength;
    private long _read;

    public SpecFileStream(Stream inner, byte[]? prefix, int prefixLength, string interfaceName, int status, long limit, long? declared)
    {
        _inner = inner;
        _prefix = prefix;
        _prefixLength = prefixLength;
        _interfaceName = interfaceName;
        _status = status;
        _limit = limit;
        _declared = declared;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (TakePrefix(buffer.AsSpan(offset, count)) is int fromPrefix)
        {
            return fromPrefix;
        }

        return Counted(_inner.Read(buffer, offset, count));
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (TakePrefix(buffer.AsSpan(offset, count)) is int fromPrefix)
        {
            return fromPrefix;
        }

#if NET
        return Counted(await _inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false));
#else
        return Counted(await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));
#endif
    }

#if NET
    public override int Read(Span<byte> buffer)
        => TakePrefix(buffer) is int fromPrefix ? fromPrefix : Counted(_inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (TakePrefix(buffer.Span) is int fromPrefix)
        {
            return fromPrefix;
        }

        return Counted(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
    }
#endif

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ReturnPrefix();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int? TakePrefix(Span<byte> destination)
    {
        if (_prefix is null || destination.Length == 0)
        {
            return null;
        }

        int count = Math.Min(destination.Length, _prefixLength - _prefixOffset);
        _prefix.AsSpan(_prefixOffset, count).CopyTo(destination);
        _prefixOffset += count;
        if (_prefixOffset == _prefixLength)
        {
            ReturnPrefix();
        }

        return Counted(count);
    }

    private void ReturnPrefix()
    {
        byte[]? prefix = Interlocked.Exchange(ref _prefix, null);
        if (prefix is not null)
        {
            SpecPooledBody.Return(prefix, _prefixLength);
        }
    }

    private int Counted(int count)
    {
        _read += count;
        if (_read > _limit)
        {
            throw new SpecFileTooLargeException(_interfaceName, _status, _limit, _declared);
        }

        return count;
    }
}

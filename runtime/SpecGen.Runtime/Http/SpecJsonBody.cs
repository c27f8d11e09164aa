using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// A request's JSON body in pooled memory: written once by the generated writer, sent with its
/// Content-Length (some gateways refuse chunked requests), and cleared and given back to the pool
/// when the request is disposed, since it carries tokens and personal data.
/// </summary>
internal sealed class SpecJsonBody : HttpContent, IBufferWriter<byte>
{
    private const int FirstBufferSize = 1024;

    // One writer per thread, reset for each body: a Utf8JsonWriter costs more than most bodies.
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(FirstBufferSize);
    private int _length;

    private SpecJsonBody()
        => Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

    /// <summary>Writes a body with <paramref name="write"/>.</summary>
    public static SpecJsonBody Write(Action<Utf8JsonWriter> write)
    {
        var body = new SpecJsonBody();
        Utf8JsonWriter? writer = t_writer;
        t_writer = null;
        try
        {
            if (writer is null)
            {
                writer = new Utf8JsonWriter(body);
            }
            else
            {
                writer.Reset(body);
            }

            write(writer);
            writer.Flush();
            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
        finally
        {
            // A callback that threw may have left the writer mid-object: Reset forgets that, and the body.
            writer?.Reset(Detached.Instance);
            t_writer = writer;
        }
    }

    void IBufferWriter<byte>.Advance(int count) => _length += count;

    Memory<byte> IBufferWriter<byte>.GetMemory(int sizeHint) => Ensure(sizeHint).AsMemory(_length);

    Span<byte> IBufferWriter<byte>.GetSpan(int sizeHint) => Ensure(sizeHint).AsSpan(_length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => stream.WriteAsync(_buffer ?? throw new ObjectDisposedException(nameof(SpecJsonBody)), 0, _length);

#if NET
    // HttpClient.Send, the synchronous path, asks for these.
    protected override void SerializeToStream(Stream stream, TransportContext? context, System.Threading.CancellationToken cancellationToken)
        => stream.Write(_buffer ?? throw new ObjectDisposedException(nameof(SpecJsonBody)), 0, _length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, System.Threading.CancellationToken cancellationToken)
        => stream.WriteAsync(_buffer ?? throw new ObjectDisposedException(nameof(SpecJsonBody)), 0, _length, cancellationToken);
#endif

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer is not null)
        {
            Return(_buffer, _length);
            _buffer = null;
        }

        base.Dispose(disposing);
    }

    private static void Return(byte[] buffer, int length)
    {
        Array.Clear(buffer, 0, length);
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private byte[] Ensure(int sizeHint)
    {
        byte[] buffer = _buffer ?? throw new ObjectDisposedException(nameof(SpecJsonBody));
        int needed = _length + Math.Max(sizeHint, 1);
        if (needed > buffer.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
            Buffer.BlockCopy(buffer, 0, larger, 0, _length);
            Return(buffer, _length);
            _buffer = buffer = larger;
        }

        return buffer;
    }

    /// <summary>Where an idle writer points: nothing is ever written there.</summary>
    private sealed class Detached : IBufferWriter<byte>
    {
        public static readonly Detached Instance = new();

        public void Advance(int count) => throw new InvalidOperationException("The writer is idle.");

        public Memory<byte> GetMemory(int sizeHint = 0) => throw new InvalidOperationException("The writer is idle.");

        public Span<byte> GetSpan(int sizeHint = 0) => throw new InvalidOperationException("The writer is idle.");
    }
}

using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// Reads an answer body into pooled memory, never more than the client's limit: a declared
/// length over it is refused before a byte is read, and an undeclared one as soon as it passes it.
/// </summary>
internal static class SpecBodyReader
{
    private const int FirstBufferSize = 16 * 1024;

    public static async Task<SpecPooledBody> ReadAsync(string interfaceName, int status, HttpContent? content, long limit, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return default;
        }

        long? declared = content.Headers.ContentLength;
        if (declared > limit)
        {
            throw new SpecResponseTooLargeException(interfaceName, status, limit, declared);
        }

        // One byte past the limit is room enough to tell that an answer is too long.
        int capacityLimit = (int)Math.Min(limit + 1, int.MaxValue);
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared + 1 ?? FirstBufferSize, capacityLimit));
        int length = 0;
        bool handedOver = false;
        try
        {
#if NET
            using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            while (true)
            {
                if (length == buffer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, capacityLimit));
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    SpecPooledBody.Return(buffer, length);
                    buffer = larger;
                }

#if NET
                int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
#else
                int read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
#endif
                if (read == 0)
                {
                    handedOver = true;
                    return new SpecPooledBody(buffer, length);
                }

                length += read;
                if (length > limit)
                {
                    throw new SpecResponseTooLargeException(interfaceName, status, limit, declared);
                }
            }
        }
        finally
        {
            if (!handedOver)
            {
                SpecPooledBody.Return(buffer, length);
            }
        }
    }
}

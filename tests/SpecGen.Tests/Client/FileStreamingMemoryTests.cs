using Microsoft.Extensions.DependencyInjection;
using SpecGen.Testing;
using SpecGen.Tests.Files;
using Xunit.Abstractions;

namespace SpecGen.Tests.Client;

/// <summary>
/// A 200 MB file goes from the fake (streamed from a generated source, never an array) through the
/// client to the test, and the managed heap does not grow with it: the client never buffers a file.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class FileStreamingMemoryTests(ITestOutputHelper output)
{
    private const long FileLength = 200L * 1024 * 1024;

    // "A few MB": the heap may hold a pooled buffer or two of Kestrel, the socket and the test, never the file.
    private const long AllowedGrowth = 8L * 1024 * 1024;

    [Fact]
    public async Task Downloading_200_MB_keeps_the_managed_heap_flat()
    {
        await using var harness = await ClientHarness.StartAsync(
            FileStoreFake.Create(),
            (services, address) => services.AddFileStoreClient(o => { o.BaseAddress = address; o.Timeout = TimeSpan.FromMinutes(5); }),
            new FixedTokenProvider("tenant"));
        harness.Server.Answer("DownloadReport", SpecFakeAnswer.StreamedFile(() => new PatternStream(FileLength), "audio/wav", "big.wav", FileLength));
        var client = harness.Get<IFileStoreClient>();

        // Warm up the connection, the pools and the JIT, so that the baseline holds what any call holds.
        await using (SpecFile warm = await client.DownloadReportAsync(new DownloadReportRequest { ReportName = "warm" }))
        {
            await Drain(warm.Content, 1024 * 1024, 0);
        }

        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long midway;
        long read;
        await using (SpecFile file = await client.DownloadReportAsync(new DownloadReportRequest { ReportName = "big" }))
        {
            Assert.Equal(FileLength, file.Length);
            read = await Drain(file.Content, FileLength / 2, 0);

            // Half the file has passed while the answer is still open: a buffering client would hold 100 MB here.
            midway = GC.GetTotalMemory(forceFullCollection: true);
            read = await Drain(file.Content, long.MaxValue, read);
        }

        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        long after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"heap: baseline {baseline}, midway +{midway - baseline}, after +{after - baseline}; allocated {allocated} bytes ({(double)allocated / FileLength:P2} of the file)");
        Assert.Equal(FileLength, read);
        Assert.True(midway - baseline < AllowedGrowth, $"The live heap grew by {midway - baseline} bytes halfway through the file.");
        Assert.True(after - baseline < AllowedGrowth, $"The live heap grew by {after - baseline} bytes after the file.");

        // Everything allocated on the way, by the fake and the client together, as a share of the bytes streamed.
        double ratio = (double)allocated / FileLength;
        Assert.True(ratio < 0.05, $"Streaming allocated {allocated} bytes, {ratio:P1} of the file.");
    }

    /// <summary>Reads up to <paramref name="limit"/> bytes in all, checking each against the pattern; returns the count read.</summary>
    private static async Task<long> Drain(Stream stream, long limit, long position)
    {
        byte[] buffer = new byte[81920];
        while (position < limit)
        {
            int count = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - position)));
            if (count == 0)
            {
                break;
            }

            // Sampled, and without Assert in the loop: the test's own checks must not allocate what is measured.
            for (int i = 0; i < count; i += 4099)
            {
                if (buffer[i] != PatternStream.ByteAt(position + i))
                {
                    throw new InvalidOperationException($"Byte {position + i} is not the file's.");
                }
            }

            position += count;
        }

        return position;
    }

    /// <summary>A read-only stream of <c>length</c> bytes made up as they are read: a large file that no array holds.</summary>
    private sealed class PatternStream(long length) : Stream
    {
        private long _position;

        public static byte ByteAt(long position) => (byte)((position * 31) ^ (position >> 11));

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int count = (int)Math.Min(buffer.Length, length - _position);
            for (int i = 0; i < count; i++)
            {
                buffer[i] = ByteAt(_position + i);
            }

            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

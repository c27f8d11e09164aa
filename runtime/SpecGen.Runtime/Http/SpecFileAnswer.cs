using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// Turns the answer of an interface whose spec says <c>responseBody: file</c> into a
/// <see cref="SpecFile"/> that streams it, or into the typed exception of an error answer.
/// </summary>
/// <remarks>
/// The CEC file servers answer an error as the error-code JSON of their page, and not always with a
/// JSON content type (playVoice sends it as <c>application/octet-stream</c>). So the first bytes
/// decide: a body that starts with <c>{</c> and ends within <see cref="SniffBytes"/> is read as an
/// envelope, and an envelope whose code is present and not a success value is a
/// <see cref="SpecErrorCodeException"/>. Anything else, a JSON file with a success code or none
/// included, is the file; the bytes read to decide are its first bytes.
/// </remarks>
internal static class SpecFileAnswer
{
    /// <summary>The most bytes read ahead to tell an error-code JSON from a file.</summary>
    public const int SniffBytes = 64 * 1024;

    public static async Task<SpecFile> ReadAsync(HttpResponseMessage response, int status, SpecCall call, SpecEnvelope? envelope, HttpClient http, CancellationToken cancellationToken)
    {
        string interfaceName = call.InterfaceName;
        HttpContent? content = response.Content;
        if (status is < 200 or > 299)
        {
            // An error status: its body is a small JSON or page, read as every other answer is.
            SpecPooledBody error = await SpecBodyReader.ReadAsync(interfaceName, status, content, SpecRequestSender.MaxResponseBytes(http), cancellationToken).ConfigureAwait(false);
            try
            {
                ThrowIfErrorCode(interfaceName, envelope, status, error.Span, strict: false);
                throw new SpecHttpStatusException(interfaceName, status, response.ReasonPhrase);
            }
            finally
            {
                error.Return();
            }
        }

        long limit = SpecFileLimits.Of(http);
        long? declared = content?.Headers.ContentLength;
        if (declared > limit)
        {
            throw new SpecFileTooLargeException(interfaceName, status, limit, declared);
        }

        if (content is null)
        {
            return new SpecFile(Stream.Null, null, null, 0, response);
        }

#if NET
        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        byte[] prefix = ArrayPool<byte>.Shared.Rent((int)Math.Min(SniffBytes, SpecRequestSender.MaxResponseBytes(http)));
        int length = 0;
        bool handedOver = false;
        try
        {
            length = await ReadFirstAsync(stream, prefix, cancellationToken).ConfigureAwait(false);
            if (envelope is not null && StartsAnObject(prefix.AsSpan(0, length)))
            {
                // Read on while it may still be a small error JSON; past the buffer it is a file.
                while (length < prefix.Length)
                {
#if NET
                    int read = await stream.ReadAsync(prefix.AsMemory(length), cancellationToken).ConfigureAwait(false);
#else
                    int read = await stream.ReadAsync(prefix, length, prefix.Length - length, cancellationToken).ConfigureAwait(false);
#endif
                    if (read == 0)
                    {
                        ThrowIfErrorCode(interfaceName, envelope, status, prefix.AsSpan(0, length), strict: true);
                        break;
                    }

                    length += read;
                }
            }

            if (length > limit)
            {
                throw new SpecFileTooLargeException(interfaceName, status, limit, declared);
            }

            var body = new SpecFileStream(stream, length == 0 ? null : prefix, length, interfaceName, status, limit, declared);
            if (length == 0)
            {
                ArrayPool<byte>.Shared.Return(prefix);
            }

            handedOver = true;
            return new SpecFile(body, FileNameOf(content.Headers.ContentDisposition), content.Headers.ContentType?.MediaType, declared, response);
        }
        finally
        {
            if (!handedOver)
            {
                SpecPooledBody.Return(prefix, length);
                stream.Dispose();
            }
        }
    }

    /// <summary>The last segment of the answer's file name, so that a name such as <c>../../x</c> cannot lead a caller out of its folder.</summary>
    internal static string? FileNameOf(ContentDispositionHeaderValue? disposition)
    {
        string? name = disposition?.FileNameStar ?? disposition?.FileName;
        if (name is null)
        {
            return null;
        }

        name = name.Trim().Trim('"');
        int slash = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\'));
        name = slash >= 0 ? name.Substring(slash + 1) : name;
        return name.Length == 0 || name == "." || name == ".." ? null : name;
    }

    private static async Task<int> ReadFirstAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        // One read can stop short of the first JSON byte (a lone BOM, spaces), so read until one shows or the body ends.
        int length = 0;
        while (length < buffer.Length)
        {
#if NET
            int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
#else
            int read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
#endif
            if (read == 0)
            {
                break;
            }

            length += read;
            if (FirstSignificant(buffer.AsSpan(0, length)) >= 0)
            {
                break;
            }
        }

        return length;
    }

    private static bool StartsAnObject(ReadOnlySpan<byte> bytes)
    {
        int first = FirstSignificant(bytes);
        return first >= 0 && bytes[first] == (byte)'{';
    }

    private static int FirstSignificant(ReadOnlySpan<byte> bytes)
    {
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        for (int i = start; i < bytes.Length; i++)
        {
            if (bytes[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Throws <see cref="SpecErrorCodeException"/> for an envelope with an error code. <paramref name="strict"/>
    /// (a success status) needs the code to be there: a JSON file without one is a file.
    /// </summary>
    private static void ThrowIfErrorCode(string interfaceName, SpecEnvelope? envelope, int status, ReadOnlySpan<byte> body, bool strict)
    {
        if (envelope is null || body.Length == 0)
        {
            return;
        }

        if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF)
        {
            body = body.Slice(3);
        }

        try
        {
            if (envelope.TryRead(body, out string? code, out string? message) && (code is not null || !strict) && !envelope.IsSuccess(code))
            {
                throw new SpecErrorCodeException(interfaceName, status, code, message);
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: a file that starts with '{', or an error page the status speaks for.
        }
    }
}

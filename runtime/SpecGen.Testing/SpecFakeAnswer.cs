using System.Text;

namespace SpecGen.Testing;

/// <summary>
/// What the fake server answers to one request: a status, a body and, to test how a client
/// copes with hostile answers, a delay, a fault of the exchange (<see cref="SpecFakeFault"/>) or
/// a body padded past the client's size limit.
/// </summary>
public sealed class SpecFakeAnswer
{
    private readonly byte[]? _bytes;
    private SpecFakeFile? _file;
    private List<KeyValuePair<string, string>>? _headers;

    /// <summary>Creates an answer.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="body">The body, sent as <c>application/json</c>; null for none.</param>
    /// <param name="delay">How long to wait before answering, to test timeouts.</param>
    public SpecFakeAnswer(int status, string? body, TimeSpan delay = default)
        : this(status, body, body is null ? null : Encoding.UTF8.GetBytes(body), delay, SpecFakeFault.None, paddedLength: null, declareLength: true)
    {
    }

    private SpecFakeAnswer(int status, string? body, byte[]? bytes, TimeSpan delay, SpecFakeFault fault, long? paddedLength, bool declareLength)
    {
        Status = status;
        Body = body;
        _bytes = bytes;
        Delay = delay;
        Fault = fault;
        PaddedLength = paddedLength;
        DeclaresLength = declareLength;
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>
    /// The body as text, sent as <c>application/json</c>: null for none and for an answer made by
    /// <see cref="FromBytes"/>; for one made by <see cref="Padded"/>, the JSON before the padding.
    /// </summary>
    public string? Body { get; }

    /// <summary>
    /// How long to wait before answering, to test timeouts; for <see cref="SpecFakeFault.StalledMidBody"/>,
    /// how long the body stops in the middle.
    /// </summary>
    public TimeSpan Delay { get; }

    /// <summary>How the answer breaks the exchange, if it does.</summary>
    public SpecFakeFault Fault { get; }

    /// <summary>For an answer made by <see cref="Padded"/>, the length of the body in bytes; otherwise null.</summary>
    public long? PaddedLength { get; }

    /// <summary>False when the answer sends no <c>Content-Length</c> (chunked), so that a client learns its length only by reading.</summary>
    public bool DeclaresLength { get; }

    /// <summary>An answer whose body is these bytes as they are, such as text that is not valid UTF-8.</summary>
    public static SpecFakeAnswer FromBytes(int status, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new SpecFakeAnswer(status, null, (byte[])body.Clone(), TimeSpan.Zero, SpecFakeFault.None, null, declareLength: true);
    }

    /// <summary>
    /// <paramref name="json"/> followed by spaces up to <paramref name="length"/> bytes: still valid
    /// JSON, to test a client's size limit. The body is streamed, never held whole, so
    /// <see cref="long.MaxValue"/> without a declared length is a body that never ends.
    /// </summary>
    /// <param name="json">The JSON the body starts with.</param>
    /// <param name="length">The length of the body in bytes, at least that of <paramref name="json"/>.</param>
    /// <param name="declareLength">Whether to send <c>Content-Length</c>; false sends the body chunked.</param>
    /// <param name="status">The HTTP status.</param>
    public static SpecFakeAnswer Padded(string json, long length, bool declareLength = true, int status = 200)
    {
        ArgumentNullException.ThrowIfNull(json);
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, bytes.Length);
        return new SpecFakeAnswer(status, json, bytes, TimeSpan.Zero, SpecFakeFault.None, length, declareLength);
    }

    /// <summary>The first half of <paramref name="json"/>, as a complete HTTP answer (<see cref="SpecFakeFault.TruncatedBody"/>).</summary>
    public static SpecFakeAnswer Truncated(string json, int status = 200)
        => WithFault(json, status, SpecFakeFault.TruncatedBody, TimeSpan.Zero);

    /// <summary>The first half of <paramref name="json"/>, then the connection drops (<see cref="SpecFakeFault.DroppedMidBody"/>).</summary>
    public static SpecFakeAnswer DroppedMidBody(string json, int status = 200)
        => WithFault(json, status, SpecFakeFault.DroppedMidBody, TimeSpan.Zero);

    /// <summary>The first half of <paramref name="json"/>, nothing for <paramref name="stall"/>, then the rest (<see cref="SpecFakeFault.StalledMidBody"/>).</summary>
    public static SpecFakeAnswer StalledMidBody(string json, TimeSpan stall, int status = 200)
        => WithFault(json, status, SpecFakeFault.StalledMidBody, stall);

    /// <summary>
    /// A file answer: the bytes <paramref name="open"/> gives, streamed a buffer at a time (never
    /// held whole, so a test can serve hundreds of megabytes), with <c>Content-Type</c>,
    /// <c>Content-Disposition</c> and, when <paramref name="length"/> is set, <c>Content-Length</c>.
    /// </summary>
    /// <param name="open">Opens the file's bytes; called once per request answered, its stream disposed after.</param>
    /// <param name="contentType">The media type, such as <c>audio/wav</c>.</param>
    /// <param name="fileName">The name in <c>Content-Disposition: attachment</c>; null sends none.</param>
    /// <param name="length">The length to declare; null sends the body chunked.</param>
    /// <param name="status">The HTTP status.</param>
    public static SpecFakeAnswer StreamedFile(Func<Stream> open, string contentType = "application/octet-stream", string? fileName = null, long? length = null, int status = 200)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(contentType);
        return new SpecFakeAnswer(status, null, null, TimeSpan.Zero, SpecFakeFault.None, null, declareLength: length is not null)
        {
            _file = new SpecFakeFile(open, contentType, fileName, length),
        };
    }

    /// <summary>A file answer of these bytes, as <see cref="StreamedFile"/> sends it, with its length declared.</summary>
    public static SpecFakeAnswer File(byte[] content, string contentType = "application/octet-stream", string? fileName = null, int status = 200)
    {
        ArgumentNullException.ThrowIfNull(content);
        byte[] copy = (byte[])content.Clone();
        return StreamedFile(() => new MemoryStream(copy, writable: false), contentType, fileName, copy.Length, status);
    }

    /// <summary>This answer with one more header, as a Header field of the response reads it; a header set twice is sent as two lines.</summary>
    public SpecFakeAnswer WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        var copy = new SpecFakeAnswer(Status, Body, _bytes, Delay, Fault, PaddedLength, DeclaresLength) { _file = _file };
        copy._headers = [.. _headers ?? [], new KeyValuePair<string, string>(name, value)];
        return copy;
    }

    internal SpecFakeFile? FileBody => _file;

    internal IReadOnlyList<KeyValuePair<string, string>> Headers => _headers ?? [];

    internal ReadOnlyMemory<byte> Bytes => _bytes;

    internal bool HasBody => _bytes is not null;

    /// <summary>The same answer, sent after <paramref name="delay"/> (for a stalled body, stalled that long).</summary>
    internal SpecFakeAnswer WithDelay(TimeSpan delay)
        => new(Status, Body, _bytes, delay, Fault, PaddedLength, DeclaresLength) { _file = _file, _headers = _headers };

    /// <summary>
    /// The same answer broken by <paramref name="fault"/>; a stalled body stalls ten seconds, past any
    /// sensible client timeout, unless a delay is set. An answer too short to break stays as it is.
    /// </summary>
    internal SpecFakeAnswer WithFault(SpecFakeFault fault)
    {
        if (fault == SpecFakeFault.None || _bytes is null || _bytes.Length < 2 || PaddedLength is not null)
        {
            return this;
        }

        TimeSpan delay = fault == SpecFakeFault.StalledMidBody && Delay == TimeSpan.Zero ? TimeSpan.FromSeconds(10) : Delay;
        return new SpecFakeAnswer(Status, Body, _bytes, delay, fault, null, DeclaresLength) { _headers = _headers };
    }

    private static SpecFakeAnswer WithFault(string json, int status, SpecFakeFault fault, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(json);
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        if (bytes.Length < 2)
        {
            throw new ArgumentException("The body must have at least two bytes, so that half of it is not all of it.", nameof(json));
        }

        return new SpecFakeAnswer(status, json, bytes, delay, fault, null, declareLength: true);
    }
}

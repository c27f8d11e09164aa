using Cec.Ccfs;
using Microsoft.Extensions.DependencyInjection;
using SpecGen.Testing;

namespace SpecGen.Tests.Client;

/// <summary>The shipped CC-FS specs: recordings streamed as files, their error-code JSON typed, each call signed (C2).</summary>
public sealed class CcfsClientTests : IAsyncLifetime
{
    private const string Signature = "C2 signature";

    private ClientHarness _harness = null!;

    public async Task InitializeAsync()
        => _harness = await ClientHarness.StartAsync(
            CecCcfsFake.Create(),
            (services, address) =>
            {
                services.AddSingleton<ISpecRequestSigner>(new FixedSigner());
                services.AddCecCcfsClient(o => o.BaseAddress = address);
            });

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private ICecCcfsClient Client => _harness.Get<ICecCcfsClient>();

    /// <summary>The C2 algorithm is not on the reference pages: a fixed value shows where the signature goes.</summary>
    private sealed class FixedSigner : ISpecRequestSigner
    {
        public Task<string> SignAsync(SpecSigningRequest request, CancellationToken cancellationToken) => Task.FromResult(Signature);
    }

    [Fact]
    public async Task PlayVoice_streams_the_recording_and_sends_its_fields_in_the_query()
    {
        byte[] recording = [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WAVEfmt "u8];
        _harness.Server.Answer("PlayVoice", SpecFakeAnswer.File(recording, "audio/wav", "20250101-0001.wav"));

        await using SpecFile file = await Client.PlayVoiceAsync(new PlayVoiceRequest { T = "1735689600000", Version = "2.0", St = "play-token" });

        using var copy = new MemoryStream();
        await file.CopyToAsync(copy);
        Assert.Equal(recording, copy.ToArray());
        Assert.Equal(("audio/wav", "20250101-0001.wav"), (file.ContentType, file.FileName));
        SpecFakeRequest received = Assert.Single(_harness.Server.Requests);
        Assert.Equal(("GET", "play-token", Signature), (received.Method, received.Query["st"][0], received.Headers["Authorization"]));
        _harness.Server.AssertNoViolations();
    }

    [Fact]
    public async Task DownloadRecordFile_turns_the_error_code_JSON_into_a_typed_exception()
    {
        _harness.Server.Answer("DownloadRecordFile", """{ "resultCode": "0200003", "resultDesc": "The recording file does not exist.", "resultData": null }""");

        var ex = await Assert.ThrowsAsync<SpecErrorCodeException>(() => Client.DownloadRecordFileAsync(new DownloadRecordFileRequest
        {
            Request = new DownloadRecordFileRequestInfo { Version = "2.0" },
            MsgBody = new DownloadRecordFileMsgBody { FileName = "0/20250101/1001.V3" },
        }));

        Assert.Equal(("0200003", "The recording file does not exist."), (ex.ErrorCode, ex.ErrorMessage));
        SpecFakeRequest received = Assert.Single(_harness.Server.Requests);
        Assert.Equal(Signature, received.Headers["Authorization"]);
        Assert.Contains("\"msgBody\":{\"fileName\":\"0/20250101/1001.V3\"}", received.BodyText, StringComparison.Ordinal);
    }
}

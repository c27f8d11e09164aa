using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Cec.Cms;
using Microsoft.Extensions.DependencyInjection;
using SpecGen.Testing;

namespace SpecGen.Tests.Client;

/// <summary>
/// C2 request signing of spec/cec-cms (<c>signed: { header: Authorization }</c>) over loopback: the
/// client calls the registered <see cref="ISpecRequestSigner"/> with each attempt as it goes on the
/// wire, a resilience retry is signed again, a missing signer fails before sending, and the fake
/// checks signatures with the test's verifier. The HMAC here stands for the unknown C2 algorithm.
/// </summary>
public sealed class SigningTests
{
    private const string SecretKey = "Sk-Signing-4417";

    private static QuerySystemStateRequest Request() => new() { QueryParam = new QuerySystemStateRequestQueryParam { CcId = 1, Vdn = 7 } };

    /// <summary>The test's algorithm: an HMAC of the method, the path and query and the body; the attempt number after it stands for the time a real signature covers.</summary>
    private static string Sign(string method, string pathAndQuery, ReadOnlySpan<byte> body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(SecretKey));
        byte[] head = Encoding.UTF8.GetBytes($"{method}\n{pathAndQuery}\n");
        return "HMAC " + Convert.ToHexString(hmac.ComputeHash([.. head, .. body.ToArray()]));
    }

    private static bool Verify(SpecFakeRequest request)
        => request.Headers.TryGetValue("Authorization", out string? signature)
        && signature.StartsWith(Sign(request.Method, request.Path, request.Body) + ".", StringComparison.Ordinal);

    private sealed class HmacSigner : ISpecRequestSigner
    {
        public ConcurrentQueue<SpecSigningRequest> Seen { get; } = new();

        public ConcurrentQueue<string> Signatures { get; } = new();

        public Task<string> SignAsync(SpecSigningRequest request, CancellationToken cancellationToken)
        {
            Seen.Enqueue(request);

            // The attempt number stands for the time a real signature covers: each attempt differs.
            string signature = Sign(request.Method, request.RequestUri.PathAndQuery, request.Body.Span) + "." + request.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Signatures.Enqueue(signature);
            return Task.FromResult(signature);
        }
    }

    private static async Task<(ClientHarness Harness, HmacSigner? Signer)> StartAsync(bool withSigner, Action<IHttpClientBuilder>? http = null, bool verify = true)
    {
        HmacSigner? signer = withSigner ? new HmacSigner() : null;
        SpecFakeServer server = CecCmsFake.Create();
        if (verify)
        {
            server.SignatureVerifier = Verify;
        }

        ClientHarness harness = await ClientHarness.StartAsync(server, (services, address) =>
        {
            if (signer is not null)
            {
                services.AddSingleton<ISpecRequestSigner>(signer);
            }

            IHttpClientBuilder builder = services.AddCecCmsClient(o => o.BaseAddress = address);
            http?.Invoke(builder);
        });
        return (harness, signer);
    }

    [Fact]
    public async Task Without_a_registered_signer_a_call_fails_before_sending_saying_what_to_register()
    {
        (ClientHarness harness, _) = await StartAsync(withSigner: false);
        await using ClientHarness owned = harness;

        SpecSignerMissingException error = await Assert.ThrowsAsync<SpecSignerMissingException>(() => harness.Get<ICecCmsClient>().QuerySystemStateAsync(Request()));

        Assert.Contains("ISpecRequestSigner", error.Message, StringComparison.Ordinal);
        Assert.Equal("Authorization", error.HeaderName);
        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task The_signer_gets_the_final_method_URL_headers_and_body_and_the_fake_verifies_the_signature()
    {
        (ClientHarness harness, HmacSigner? signer) = await StartAsync(withSigner: true);
        await using ClientHarness owned = harness;

        await harness.Get<ICecCmsClient>().QuerySystemStateAsync(Request());

        SpecSigningRequest seen = Assert.Single(signer!.Seen);
        SpecFakeRequest received = Assert.Single(harness.Server.Requests);
        Assert.Equal("POST", seen.Method);
        Assert.True(seen.RequestUri.IsAbsoluteUri);
        Assert.Equal(harness.Server.BaseAddress.Port, seen.RequestUri.Port);
        Assert.Equal(received.Body, seen.Body.ToArray());
        Assert.Equal("CecCms", seen.ServiceName);
        Assert.Equal("QuerySystemState", seen.InterfaceName);
        Assert.Equal(1, seen.Attempt);
        Assert.Contains(seen.Headers, h => h.Key == "Content-Type");
        Assert.DoesNotContain(seen.Headers, h => h.Key == "Authorization");
        Assert.Equal(signer.Signatures.Single(), received.Headers["Authorization"]);
        harness.Server.AssertNoViolations();
    }

    [Fact]
    public async Task A_resilience_retry_is_signed_again()
    {
        (ClientHarness harness, HmacSigner? signer) = await StartAsync(withSigner: true, http: builder => builder.AddStandardResilienceHandler(o =>
        {
            o.Retry.Delay = TimeSpan.FromMilliseconds(1);
            o.Retry.UseJitter = false;
        }), verify: false);
        await using ClientHarness owned = harness;
        harness.Server.FailNext("QuerySystemState", 1, 503);

        await harness.Get<ICecCmsClient>().QuerySystemStateAsync(Request());

        Assert.Equal([1, 2], signer!.Seen.Select(s => s.Attempt));
        SpecFakeRequest[] received = harness.Server.Requests.ToArray();
        Assert.Equal(2, received.Length);
        Assert.Equal(signer.Signatures.ToArray(), received.Select(r => r.Headers["Authorization"]));
        Assert.NotEqual(received[0].Headers["Authorization"], received[1].Headers["Authorization"]);
    }

    [Fact]
    public async Task A_signature_that_does_not_verify_is_refused_and_recorded_without_its_value()
    {
        (ClientHarness harness, HmacSigner? signer) = await StartAsync(withSigner: true);
        await using ClientHarness owned = harness;
        harness.Server.SignatureVerifier = _ => false;

        SpecResponseException error = await Assert.ThrowsAnyAsync<SpecResponseException>(() => harness.Get<ICecCmsClient>().QuerySystemStateAsync(Request()));

        Assert.Equal(401, error.HttpStatus);
        SpecViolation violation = Assert.Single(harness.Server.Violations);
        Assert.Equal("signature", violation.Code);
        string signature = signer!.Signatures.Single();
        Assert.DoesNotContain(signature, violation.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(signature, error.ToString(), StringComparison.Ordinal);
        Assert.All(harness.Logs.Lines, line => Assert.DoesNotContain(signature, line, StringComparison.Ordinal));
        Assert.DoesNotContain(signature, signer.Seen.Single().ToString(), StringComparison.Ordinal);
    }
}

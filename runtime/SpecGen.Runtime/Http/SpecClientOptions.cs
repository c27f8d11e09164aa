using System;
using System.Net.Http;

namespace SpecGen;

/// <summary>What every generated client's options hold.</summary>
public class SpecClientOptions
{
    /// <summary>The address of the server, such as <c>https://cec.example.com:8443/</c>. The spec's <c>baseUrl</c> is documentation only.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>How long one call may take before it fails with <see cref="SpecTimeoutException"/>. 100 seconds unless set.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Applies the options to the client's <see cref="HttpClient"/>.</summary>
    public void ApplyTo(HttpClient httpClient)
    {
        if (httpClient is null)
        {
            throw new ArgumentNullException(nameof(httpClient));
        }

        if (BaseAddress is not null)
        {
            // Spec URLs are joined below the base address, so its path must end with a slash.
            string address = BaseAddress.ToString();
            httpClient.BaseAddress = address.EndsWith("/", StringComparison.Ordinal) ? BaseAddress : new Uri(address + "/");
        }

        httpClient.Timeout = Timeout;
    }
}

using System;
using System.ComponentModel;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace SpecGen;

/// <summary>What the generated <c>Add{Service}Client</c> registrations set up on the clients' HTTP pipeline.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SpecClientRegistration
{
    /// <summary>
    /// Turns off the primary handler's following of redirects: following one re-sends the request,
    /// its body and any token in a custom header, the query or a cookie, to the origin the server
    /// names, and .NET strips only <c>Authorization</c>. A redirect then reaches the client, which
    /// throws <see cref="SpecRedirectException"/>. A primary handler configured after this one
    /// replaces it, and should set <c>AllowAutoRedirect = false</c> itself.
    /// </summary>
    /// <param name="builder">The client's builder.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder RefuseRedirects(IHttpClientBuilder builder)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        return builder.ConfigurePrimaryHttpMessageHandler(static (handler, _) =>
        {
            switch (handler)
            {
                case HttpClientHandler client:
                    client.AllowAutoRedirect = false;
                    break;
#if NET
                case SocketsHttpHandler sockets:
                    sockets.AllowAutoRedirect = false;
                    break;
#endif
            }
        });
    }

    /// <summary>
    /// Signs every attempt of a signed service's calls (<c>signed:</c> in service.yaml): puts a
    /// handler last in the client's pipeline, below the handlers added to <paramref name="builder"/>
    /// after this call (a resilience handler's retries included), that signs again each attempt
    /// sent once more. The client itself signs the first attempt.
    /// </summary>
    /// <param name="builder">The client's builder.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder SignEachAttempt(IHttpClientBuilder builder)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        builder.Services.AddSingleton<IHttpMessageHandlerBuilderFilter>(new SpecSigningFilter(builder.Name));
        return builder;
    }
}

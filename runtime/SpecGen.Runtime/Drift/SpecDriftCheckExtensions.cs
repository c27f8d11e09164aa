using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SpecGen;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Turns on the drift check of a SpecGen client registration.</summary>
public static class SpecDriftCheckExtensions
{
    /// <summary>
    /// Checks every answer the client gets against its spec, beyond what the client needs:
    /// properties the spec does not have, JSON types, values outside <c>values</c>, missing
    /// mandatory fields and envelope codes the spec does not list. Each drift is a log line
    /// (event 10, <c>SpecDrift</c>), a count on the metric <see cref="SpecTelemetry.DriftName"/>
    /// and an entry of the <see cref="ISpecDriftReport"/> this registers (one per service
    /// provider). No call's result changes, and no secret value is reported.
    /// </summary>
    /// <param name="builder">The builder that <c>Add{Service}Client</c> returned.</param>
    /// <param name="configure">Sets the check's options, such as envelope codes that are not drift; optional.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddSpecDriftCheck(this IHttpClientBuilder builder, Action<SpecDriftCheckOptions>? configure = null)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        builder.Services.TryAddSingleton<SpecDriftReport>();
        builder.Services.TryAddSingleton<ISpecDriftReport>(static provider => provider.GetRequiredService<SpecDriftReport>());
        builder.Services.AddOptions();
        if (configure is not null)
        {
            builder.Services.Configure(builder.Name, configure);
        }

        string name = builder.Name;
        return builder.AddHttpMessageHandler(provider => new SpecDriftHandler(
            provider.GetRequiredService<SpecDriftReport>(),
            provider.GetRequiredService<IOptionsMonitor<SpecDriftCheckOptions>>().Get(name)));
    }
}

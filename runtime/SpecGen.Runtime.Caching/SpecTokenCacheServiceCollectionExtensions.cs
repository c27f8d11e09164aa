using System;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SpecGen;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts the token caches of SpecGen clients on a cache that the instances of an application share.</summary>
public static class SpecTokenCacheServiceCollectionExtensions
{
    /// <summary>
    /// Shares the tokens of every SpecGen client of this container through Redis: the entries sit
    /// in the <c>IDistributedCache</c> this registers (<c>AddStackExchangeRedisCache</c>), protected with
    /// Data Protection, and one instance at a time renews a credential's token under a Redis lock.
    /// Register Data Protection too, with a key ring every instance shares:
    /// <c>services.AddDataProtection().SetApplicationName("...").PersistKeysTo...(...)</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configureRedis">The Redis options, at least <see cref="RedisCacheOptions.Configuration"/>.</param>
    /// <param name="configure">The options of the shared token cache; optional.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddSpecRedisTokenCache(this IServiceCollection services, Action<RedisCacheOptions> configureRedis, Action<SpecDistributedTokenCacheOptions>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configureRedis is null)
        {
            throw new ArgumentNullException(nameof(configureRedis));
        }

        services.AddStackExchangeRedisCache(configureRedis);
        services.TryAddSingleton<ISpecRenewalLock>(provider => new SpecRedisRenewalLock(provider.GetRequiredService<IOptions<RedisCacheOptions>>().Value));
        return services.AddSpecDistributedTokenCache(configure);
    }

    /// <summary>
    /// Shares the tokens of every SpecGen client of this container through the registered
    /// <c>IDistributedCache</c>, protected with the registered Data Protection. Without an
    /// <see cref="ISpecRenewalLock"/> (<see cref="AddSpecRedisTokenCache"/> registers Redis's),
    /// instances that find no token at the same moment each make a token call.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">The options of the shared token cache; optional.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddSpecDistributedTokenCache(this IServiceCollection services, Action<SpecDistributedTokenCacheOptions>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        OptionsBuilder<SpecDistributedTokenCacheOptions> options = services.AddOptions<SpecDistributedTokenCacheOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<ISpecTokenStore>(static provider => new SpecDistributedTokenStore(
            provider.GetService<IDistributedCache>() ?? throw new InvalidOperationException("The distributed token cache needs an IDistributedCache: call services.AddSpecRedisTokenCache(...), or register one (such as AddStackExchangeRedisCache) before the first client is created."),
            provider.GetService<IDataProtectionProvider>() ?? throw new InvalidOperationException("The distributed token cache protects tokens at rest with Data Protection: call services.AddDataProtection() (package Microsoft.AspNetCore.DataProtection) with a key ring and application name that every instance shares."),
            provider.GetService<ISpecRenewalLock>(),
            provider.GetRequiredService<IOptions<SpecDistributedTokenCacheOptions>>().Value,
            provider.GetService<ILogger<SpecDistributedTokenStore>>()));
        return services;
    }
}

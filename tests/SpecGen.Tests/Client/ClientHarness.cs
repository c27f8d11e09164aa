using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpecGen.Testing;

namespace SpecGen.Tests.Client;

/// <summary>A started fake server and a DI container whose client points at it.</summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private ClientHarness(SpecFakeServer server, ServiceProvider provider, LogCapture logs)
    {
        Server = server;
        _provider = provider;
        Logs = logs;
    }

    public SpecFakeServer Server { get; }

    public LogCapture Logs { get; }

    public T Get<T>()
        where T : notnull
        => _provider.GetRequiredService<T>();

    /// <summary>Starts <paramref name="server"/> and registers clients with <paramref name="register"/>.</summary>
    public static async Task<ClientHarness> StartAsync(SpecFakeServer server, Action<IServiceCollection, Uri> register, ISpecTokenProvider? tokens = null)
    {
        await server.StartAsync();
        var logs = new LogCapture();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (tokens is not null)
        {
            services.AddSingleton(tokens);
        }

        register(services, server.BaseAddress);
        return new ClientHarness(server, services.BuildServiceProvider(), logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Server.DisposeAsync();
    }
}

/// <summary>A token provider that hands out one fixed token and counts the calls.</summary>
internal sealed class FixedTokenProvider(string token) : ISpecTokenProvider
{
    public int Calls { get; private set; }

    public Task<string?> GetTokenAsync(string interfaceName, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult<string?>(token);
    }
}

using Bridge.Host.Infrastructure.Messaging;
using Bridge.Tests.Telemetry;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bridge.Tests.Messaging;

/// <summary>
/// R2 (RabbitMQ stopped 60 s, back after two minutes): one outbound endpoint never consumed again — MassTransit ends an
/// endpoint's transport for good on a cancellation while reconnecting — and its 31 replenishment requests stayed in the
/// queue. The watchdog starts such an endpoint again once it has been unhealthy long enough while others are healthy.
/// Here the endpoint is stopped underneath the bus, which leaves it just as dead.
/// </summary>
public sealed class ReceiveEndpointWatchdogTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EndpointDeadWhileOthersAreHealthy_IsStartedAgainAfterThePatience_AndConsumesAgain()
    {
        var (provider, bus) = await StartBusAsync();
        await using var _ = provider;
        var clock = new SettableClock(DateTimeOffset.UnixEpoch);
        var watchdog = new ReceiveEndpointWatchdog(bus, clock, NullLogger<ReceiveEndpointWatchdog>.Instance);
        var dead = bus.CheckHealth().Endpoints.Single(e => e.Key.EndsWith("/watched", StringComparison.Ordinal));
        await dead.Value.ReceiveEndpoint.Stop();
        await bus.Publish(new WatchedPing("while dead"));
        await Task.Delay(200);
        WatchedConsumer.Seen.ShouldNotContain("while dead");

        (await watchdog.CheckOnceAsync(CancellationToken.None)).ShouldBeEmpty("unhealthy just now: MassTransit may still be reconnecting it");
        clock.Now += ReceiveEndpointWatchdog.Patience - TimeSpan.FromSeconds(1);
        (await watchdog.CheckOnceAsync(CancellationToken.None)).ShouldBeEmpty();
        clock.Now += TimeSpan.FromSeconds(1);
        (await watchdog.CheckOnceAsync(CancellationToken.None)).ShouldBe([dead.Key]);

        await TelemetryPipelineTests.WaitUntilAsync(() => WatchedConsumer.Seen.Contains("while dead"), Timeout);
        await bus.Publish(new WatchedPing("after"));
        await TelemetryPipelineTests.WaitUntilAsync(() => WatchedConsumer.Seen.Contains("after"), Timeout);
        await bus.StopAsync();
    }

    [Fact]
    public async Task NoDurableEndpointHealthy_TheBrokerIsAway_NothingIsRestarted()
    {
        // The bus's temporary endpoint stays healthy through a broker outage: it is no sign the broker is back (R2 run 2:
        // the first watchdog restarted every endpoint in the middle of the outage).
        var (provider, bus) = await StartBusAsync();
        await using var _ = provider;
        var clock = new SettableClock(DateTimeOffset.UnixEpoch);
        var watchdog = new ReceiveEndpointWatchdog(bus, clock, NullLogger<ReceiveEndpointWatchdog>.Instance);
        foreach (var endpoint in bus.CheckHealth().Endpoints.Where(e => !e.Key.Contains("temporary=true", StringComparison.Ordinal)))
            await endpoint.Value.ReceiveEndpoint.Stop();

        (await watchdog.CheckOnceAsync(CancellationToken.None)).ShouldBeEmpty();
        clock.Now += ReceiveEndpointWatchdog.Patience * 2;
        (await watchdog.CheckOnceAsync(CancellationToken.None)).ShouldBeEmpty("with no endpoint healthy, reconnecting is MassTransit's own work");
        await bus.StopAsync();
    }

    private static async Task<(ServiceProvider, IBusControl)> StartBusAsync()
    {
        var services = new ServiceCollection();
        services.AddMassTransit(x =>
        {
            x.AddConsumer<WatchedConsumer>().Endpoint(e => e.Name = "watched");
            x.AddConsumer<OtherConsumer>().Endpoint(e => e.Name = "other");
            x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
        });
        var provider = services.BuildServiceProvider();
        var bus = provider.GetRequiredService<IBusControl>();
        await bus.StartAsync();
        await TelemetryPipelineTests.WaitUntilAsync(() => bus.CheckHealth().Endpoints.Values.Count(e => e.Status == BusHealthStatus.Healthy) >= 2, Timeout);
        return (provider, bus);
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    public sealed record WatchedPing(string Text);

    public sealed record OtherPing(string Text);

    public sealed class WatchedConsumer : IConsumer<WatchedPing>
    {
        public static readonly System.Collections.Concurrent.ConcurrentBag<string> Seen = [];

        public Task Consume(ConsumeContext<WatchedPing> context)
        {
            Seen.Add(context.Message.Text);
            return Task.CompletedTask;
        }
    }

    public sealed class OtherConsumer : IConsumer<OtherPing>
    {
        public Task Consume(ConsumeContext<OtherPing> context) => Task.CompletedTask;
    }
}

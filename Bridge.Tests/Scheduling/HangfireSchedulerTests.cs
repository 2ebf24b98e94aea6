using Bridge.Tests.Infrastructure;
using System.Diagnostics;
using Bridge.Tests.Persistence;
using Bridge.Tests.Persistence.TestSaga;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Scheduling;

/// <summary>The saga's Schedule/Unschedule through the Hangfire-backed scheduler on Hangfire.PostgreSql.</summary>
[Collection(HostCollection.Name)]
[Trait("Category", "Integration")]
public sealed class HangfireSchedulerTests
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ScheduledTimeout_FiresAfterItsDelay_AndCancelledOneDoesNot()
    {
        if (TestServers.Postgres is null || TestServers.RabbitMq is null)
            return;
        var received = new ReceivedMessages();
        using var host = await CounterSagaHost.StartProduction(received);
        var bus = host.Services.GetRequiredService<IBus>();

        var fires = Guid.NewGuid();
        var cancelled = Guid.NewGuid();
        var watch = Stopwatch.StartNew();
        await bus.Publish(new StartCounter(fires, "fires", 2));
        await bus.Publish(new StartCounter(cancelled, "cancelled", 2));
        await SagaWait.Until(host, cancelled, s => s.CurrentState == "Active", Wait);
        await bus.Publish(new CompleteCounter(cancelled));

        await received.WaitFor<CounterTimedOut>(m => m.CorrelationId == fires, Wait);
        var elapsed = watch.Elapsed;
        Console.WriteLine($"2 s timeout fired after {elapsed.TotalMilliseconds:F0} ms");
        elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
        elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(8));

        await received.WaitFor<CounterCompleted>(m => m.CorrelationId == cancelled, Wait);
        await Task.Delay(TimeSpan.FromSeconds(3));
        received.Of<CounterTimedOut>().ShouldNotContain(m => m.CorrelationId == cancelled);
        (await SagaWait.Until(host, cancelled, _ => true, Wait)).CurrentState.ShouldBe("Done");
        await host.StopAsync();
    }
}

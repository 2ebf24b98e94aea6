using System.Diagnostics;
using Bridge.Contracts.Messages;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Tests.Persistence;
using Bridge.Tests.Persistence.TestSaga;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Messaging;

[Collection(HostCollection.Name)]
public sealed class EmbeddedModeTests
{
    [Fact]
    public async Task Saga_RunsEndToEndInMemory_WithHangfireTimeoutFiring()
    {
        var received = new ReceivedMessages();
        using var host = CounterSagaHost.Build(BridgeMode.Embedded, received: received);
        await host.StartAsync();
        var bus = host.Services.GetRequiredService<IBus>();

        var completedId = Guid.NewGuid();
        await bus.Publish(new StartCounter(completedId, "completed", 60));
        await SagaWait.Until(host, completedId, s => s.CurrentState == "Active", TimeSpan.FromSeconds(10));
        await Task.WhenAll(Enumerable.Range(1, 20).Select(i => bus.Publish(new IncrementCounter(completedId, 1.5m))));
        await SagaWait.Until(host, completedId, s => s.Count == 20, TimeSpan.FromSeconds(10));
        await bus.Publish(new CompleteCounter(completedId));
        var completed = await received.WaitFor<CounterCompleted>(m => m.CorrelationId == completedId, TimeSpan.FromSeconds(10));
        completed.Count.ShouldBe(20);

        var timedOutId = Guid.NewGuid();
        var watch = Stopwatch.StartNew();
        await bus.Publish(new StartCounter(timedOutId, "times out", 2));
        await received.WaitFor<CounterTimedOut>(m => m.CorrelationId == timedOutId, TimeSpan.FromSeconds(15));
        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9));
        var state = await SagaWait.Until(host, timedOutId, s => s.CurrentState == "TimedOut", TimeSpan.FromSeconds(5));
        state.TimedOutAt.ShouldNotBeNull();
        state.TimeoutTokenId.ShouldBeNull(); // MassTransit clears the token when the matching timeout arrives

        (await SagaWait.Until(host, completedId, _ => true, TimeSpan.FromSeconds(1))).Total.ShouldBe(30.0m);
        await host.StopAsync();
    }

    [Fact]
    public async Task InboundPublisher_RepeatedMessageId_IsDuplicateAndPublishedOnce()
    {
        var received = new ReceivedMessages();
        using var host = CounterSagaHost.Build(BridgeMode.Embedded, received: received);
        await host.StartAsync();
        var publisher = host.Services.GetRequiredService<IInboundPublisher>();
        var message = new BinLevelReported
        {
            MessageId = Guid.NewGuid(), CorrelationId = "LS-01", Source = "mqtt", OccurredAt = DateTimeOffset.UtcNow,
            Location = "LS-01", Value = 42.5m, Unit = "%",
        };

        (await publisher.PublishAsync(message, CancellationToken.None)).Outcome.ShouldBe(InboundPublishOutcome.Accepted);
        (await publisher.PublishAsync(message with { Value = 1m }, CancellationToken.None)).Outcome.ShouldBe(InboundPublishOutcome.Duplicate);

        var got = await received.WaitFor<BinLevelReported>(m => m.MessageId == message.MessageId, TimeSpan.FromSeconds(10));
        got.Value.ShouldBe(42.5m);
        received.MessageIdsOf<BinLevelReported>().ShouldContain(message.MessageId);
        await Task.Delay(300);
        received.Of<BinLevelReported>().Count(m => m.MessageId == message.MessageId).ShouldBe(1);
        await host.StopAsync();
    }
}

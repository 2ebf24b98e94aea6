using Bridge.Host.Infrastructure.Storage.Sagas;
using Bridge.Tests.Persistence.TestSaga;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Messaging;

public sealed class BridgeMessagingTestHarnessTests
{
    [Fact]
    public async Task Harness_RunsSagaWithScheduledTimeout_AndReaderSeesState()
    {
        await using var provider = new ServiceCollection()
            .AddBridgeMessagingTestHarness(x => x.AddSagaStateMachine<CounterStateMachine, CounterState>())
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        try
        {
            var id = Guid.NewGuid();
            await harness.Bus.Publish(new StartCounter(id, "harness", 1));
            await harness.Bus.Publish(new IncrementCounter(id, 2.25m));

            var sagaHarness = harness.GetSagaStateMachineHarness<CounterStateMachine, CounterState>();
            (await sagaHarness.Consumed.Any<IncrementCounter>()).ShouldBeTrue();
            var reader = provider.GetRequiredService<ISagaStateReader<CounterState>>();
            CounterState? state = null;
            for (var i = 0; i < 200 && state?.CurrentState != "TimedOut"; i++)
            {
                await Task.Delay(50);
                state = await reader.FindAsync(id, CancellationToken.None);
            }

            state.ShouldNotBeNull();
            state.CurrentState.ShouldBe("TimedOut");
            (await harness.Published.Any<CounterTimedOut>(m => m.Context.Message.CorrelationId == id)).ShouldBeTrue();
            state.Total.ShouldBe(2.25m);
            (await provider.GetRequiredService<ISagaStateReader<CounterState>>().FindAsync(Guid.NewGuid(), CancellationToken.None)).ShouldBeNull();
        }
        finally
        {
            await harness.Stop();
        }
    }
}

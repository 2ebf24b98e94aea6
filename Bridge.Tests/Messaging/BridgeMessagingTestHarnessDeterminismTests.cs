using Bridge.Tests.Persistence.TestSaga;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Messaging;

public sealed class BridgeMessagingTestHarnessDeterminismTests
{
    /// <summary>The pattern saga tests use: wait for the state, wait for inactivity, then read what was published.</summary>
    [Fact]
    public async Task StateReached_ThenInactivity_PublishedMessageIsAlreadyObserved()
    {
        await using var provider = new ServiceCollection()
            .AddBridgeMessagingTestHarness(x => x.AddSagaStateMachine<CounterStateMachine, CounterState>())
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        try
        {
            var saga = harness.GetSagaStateMachineHarness<CounterStateMachine, CounterState>();
            for (var i = 0; i < 20; i++)
            {
                var id = Guid.NewGuid();
                await harness.Bus.Publish(new StartCounter(id, "p", 600));
                (await saga.Exists(id, m => m.Active)).ShouldNotBeNull();
                await harness.Bus.Publish(new CompleteCounter(id));
                (await saga.Exists(id, m => m.Done)).ShouldNotBeNull();
                await harness.InactivityTask;
                harness.Published.Select<CounterCompleted>(m => m.Context.Message.CorrelationId == id).Count().ShouldBe(1, $"round {i}");
            }
        }
        finally
        {
            await harness.Stop();
        }
    }
}

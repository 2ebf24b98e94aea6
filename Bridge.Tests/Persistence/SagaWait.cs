using Bridge.Host.Infrastructure.Storage.Sagas;
using Bridge.Tests.Persistence.TestSaga;
using Microsoft.Extensions.DependencyInjection;
using MassTransit;
using Microsoft.Extensions.Hosting;

namespace Bridge.Tests.Persistence;

public static class SagaWait
{
    /// <summary>Publishes <see cref="StartCounter"/> for a new counter and waits until the saga holds it, active.</summary>
    public static async Task<(Guid Id, CounterState State)> StartActive(IHost host, string name, int timeoutSeconds, TimeSpan wait)
    {
        var id = Guid.NewGuid();
        await host.Services.GetRequiredService<IBus>().Publish(new StartCounter(id, name, timeoutSeconds));
        return (id, await Until(host, id, s => s.CurrentState == "Active", wait));
    }

    public static async Task<CounterState> Until(IHost host, Guid id, Func<CounterState, bool> condition, TimeSpan timeout)
    {
        var reader = host.Services.GetRequiredService<ISagaStateReader<CounterState>>();
        var deadline = DateTime.UtcNow + timeout;
        CounterState? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await reader.FindAsync(id, CancellationToken.None);
            if (last is not null && condition(last))
                return last;
            await Task.Delay(50);
        }

        throw new TimeoutException(last is null
            ? $"Saga {id} did not exist within {timeout.TotalSeconds} s."
            : $"Saga {id} did not reach the expected state within {timeout.TotalSeconds} s: state {last.CurrentState}, count {last.Count}.");
    }
}

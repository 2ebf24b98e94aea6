using System.Collections.Concurrent;
using MassTransit;
using MassTransit.Internals;
using MassTransit.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bridge.Host.Infrastructure.Storage.Sagas;

/// <summary>
/// <see cref="ISagaLoadAhead"/> for a state machine saga: the instance's id comes from the state machine's own
/// correlation of the event (the <c>CorrelateById</c> filter MassTransit runs later in the saga's pipe, run here on the
/// same message), so the two cannot disagree; events correlated otherwise (by query) are not loaded ahead. The load is the
/// repository's own (<c>FOR UPDATE</c> for an <see cref="ISagaLoadedForUpdate"/> saga), taken in the same transaction
/// one round trip earlier.
/// </summary>
public sealed class SagaLoadAhead<TSaga>(IServiceProvider provider) : ISagaLoadAhead
    where TSaga : class, SagaStateMachineInstance
{
    readonly ConcurrentDictionary<Type, object?> _filters = new();

    public string ConsumerType { get; } = TypeCache<TSaga>.ShortName;

    public async Task<SagaLoadAheadCommand?> CommandFor<T>(ConsumeContext<T> context)
        where T : class
    {
        if (_filters.GetOrAdd(typeof(T), _ => CorrelationFilter<T>()) is not CorrelationIdMessageFilter<T> filter)
            return null;
        var capture = new CorrelationCapture<T>();
        await filter.Send(context, capture).ConfigureAwait(false);
        if (capture.Id is not { } id)
            return null;
        var command = new NpgsqlBatchCommand(PostgresSagaStore<TSaga>.LoadSql(forUpdate: PostgresSagaStore<TSaga>.LoadsForUpdate));
        command.Parameters.AddWithValue("id", id);
        return new SagaLoadAheadCommand(command, PostgresSagaStore<TSaga>.TableName, id);
    }

    object? CorrelationFilter<T>()
        where T : class
    {
        var correlations = provider.GetService<SagaStateMachine<TSaga>>()?.Correlations
            .OfType<EventCorrelation<TSaga, T>>()
            .ToList();
        return correlations is [var only] ? only.MessageFilter as CorrelationIdMessageFilter<T> : null;
    }

    sealed class CorrelationCapture<T> : IPipe<ConsumeContext<T>>
        where T : class
    {
        public Guid? Id { get; private set; }

        public Task Send(ConsumeContext<T> context)
        {
            Id = context.CorrelationId;
            return Task.CompletedTask;
        }

        public void Probe(ProbeContext context)
        {
        }
    }
}

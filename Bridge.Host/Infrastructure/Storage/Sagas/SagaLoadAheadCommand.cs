using Npgsql;

namespace Bridge.Host.Infrastructure.Storage.Sagas;

/// <summary>A load to add to the inbox lock's batch, and how to read its result.</summary>
public sealed record SagaLoadAheadCommand(NpgsqlBatchCommand Command, string Table, Guid Id)
{
    /// <summary>The row the command returned, or none.</summary>
    public async Task<SagaRowLoadedAhead> ReadAsync(NpgsqlDataReader reader, CancellationToken ct) =>
        await reader.ReadAsync(ct).ConfigureAwait(false)
            ? new SagaRowLoadedAhead(Table, Id, reader.GetInt32(0), reader.GetString(1))
            : new SagaRowLoadedAhead(Table, Id, 0, null);
}

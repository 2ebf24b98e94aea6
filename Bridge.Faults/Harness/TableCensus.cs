using Npgsql;

namespace Bridge.Faults.Harness;

/// <summary>
/// What Bridge's own tables hold at one moment of a run (R7): messages waiting in the outboxes, inbox rows in all and
/// those older than the retention and two clean-up intervals (the clean-up should have removed them), material
/// requests open, ended, and ended longer ago than that (the same retention is set for sagas and the inbox). States are
/// read from the saga table's generated <c>current_state</c> column, never from the state bodies.
/// </summary>
public sealed record TableCensus(long OutboxWaiting, long InboundOutboxWaiting, long InboxRows, long InboxOverdue, long SagasOpen, long SagasEnded, long SagasOverdue)
{
    private static readonly string[] EndedStates = ["Completed", "Rejected", "TimedOut", "Failed", "Cancelled"];

    /// <summary>Counts in one round trip. <paramref name="overdueAfter"/>: the age past which no inbox row should be left.</summary>
    public static async Task<TableCensus> TakeAsync(string postgres, TimeSpan overdueAfter, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM bridge_outbox_message),
                   (SELECT count(*) FROM bridge_inbound_outbox WHERE sent_at IS NULL),
                   (SELECT count(*) FROM bridge_inbox),
                   (SELECT count(*) FROM bridge_inbox WHERE received_at < now() - $1),
                   (SELECT count(*) FROM saga_material_request_state WHERE NOT (current_state = ANY($2))),
                   (SELECT count(*) FROM saga_material_request_state WHERE current_state = ANY($2)),
                   (SELECT count(*) FROM saga_material_request_state WHERE current_state = ANY($2) AND updated_at < now() - $1)
            """, connection)
        {
            Parameters = { new NpgsqlParameter { Value = overdueAfter }, new NpgsqlParameter { Value = EndedStates } },
        };
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new TableCensus(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
    }

    public override string ToString() =>
        $"outbox {OutboxWaiting} + inbound {InboundOutboxWaiting} waiting, inbox {InboxRows} rows ({InboxOverdue} overdue), requests {SagasOpen} open / {SagasEnded} ended ({SagasOverdue} overdue)";
}

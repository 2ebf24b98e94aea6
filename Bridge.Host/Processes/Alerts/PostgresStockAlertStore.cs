using Bridge.Host.Infrastructure.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Bridge.Host.Processes.Alerts;

public sealed class PostgresStockAlertStore(NpgsqlDataSource dataSource) : IStockAlertStore
{
    public async Task<IReadOnlyList<StockAlertMark>> ListAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("select alert_key, occurrences, active from stock_alerts");
        var marks = new List<StockAlertMark>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            marks.Add(new StockAlertMark(reader.GetString(0), reader.GetInt32(1), reader.GetBoolean(2)));
        }

        return marks;
    }

    public async Task MarkRaisedAsync(string key, int occurrence, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into stock_alerts (alert_key, occurrences, active, changed_at) values (@key, @occurrence, true, @at)
            on conflict (alert_key) do update set occurrences = greatest(stock_alerts.occurrences, excluded.occurrences), active = true, changed_at = excluded.changed_at
            """);
        command.Parameters.AddWithValue("key", PostgresText.Storable(key));
        command.Parameters.AddWithValue("occurrence", occurrence);
        command.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = at.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task MarkClearedAsync(string key, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("update stock_alerts set active = false, changed_at = @at where alert_key = @key");
        command.Parameters.AddWithValue("key", PostgresText.Storable(key));
        command.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = at.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(ct);
    }
}

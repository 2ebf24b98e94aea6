using Bridge.Contracts.Model;
using Bridge.Host.Domain.Kitting;
using Npgsql;
using NpgsqlTypes;

namespace Bridge.Host.Domain.Stock;

/// <summary>
/// The stock view in PostgreSQL (tables <c>stock</c> and <c>stock_reservations</c>, see <see cref="StockSchemaScript"/>).
/// Reservations of the same material are serialised by a transaction-scoped advisory lock per material, so two
/// requests never hold the same pieces.
/// </summary>
public sealed class PostgresStockView(NpgsqlDataSource dataSource, IUnitConverter? units = null) : IStockView
{
    private readonly IUnitConverter _units = units ?? StandardUnitConverter.Instance;

    private const string Upsert = """
        insert into stock (warehouse, material, lot, location, status, quantity, unit, expires_on, updated_at)
        values (@warehouse, @material, @lot, @location, @status, @quantity, @unit, @expires, now())
        on conflict (warehouse, material, lot, location, status)
        do update set quantity = excluded.quantity, unit = excluded.unit, expires_on = excluded.expires_on, updated_at = now()
        """;

    public async Task ApplyAsync(InventoryRecord record, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await WriteAsync(connection, null, StockEntry.From(record), ct);
    }

    public async Task ReplaceWarehouseAsync(string warehouse, IReadOnlyList<InventoryRecord> records, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var delete = new NpgsqlCommand("delete from stock where warehouse = @warehouse", connection, tx))
        {
            delete.Parameters.AddWithValue("warehouse", warehouse);
            await delete.ExecuteNonQueryAsync(ct);
        }

        foreach (var record in records)
        {
            await WriteAsync(connection, tx, StockEntry.From(record), ct);
        }

        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<StockLocation>>> GetAvailableAsync(IReadOnlyCollection<string> materials, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await AvailableAsync(connection, null, materials, ct);
    }

    public async Task<IReadOnlyList<StockEntry>> ListAsync(string? material, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ReadEntriesAsync(connection, null, material is null ? null : [material], ct);
    }

    public async Task<IReadOnlyList<MaterialLine>?> ReserveAsync(string reservationId, IReadOnlyList<MaterialLine> required, IReadOnlySet<string> preferredWarehouses, CancellationToken ct)
    {
        var materials = required.Select(r => r.Material).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var material in materials)
        {
            await using var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext('stock:' || @m))", connection, tx);
            lockCommand.Parameters.AddWithValue("m", material);
            await lockCommand.ExecuteNonQueryAsync(ct);
        }

        var existing = await ReadReservationsAsync(connection, tx, reservationId, null, ct);
        if (existing.Count > 0)
        {
            return existing;
        }

        var available = await AvailableAsync(connection, tx, materials, ct);
        if (!KitCalculator.Check(required, available, _units).Complete)
        {
            return null;
        }

        var allocation = StockAllocator.Allocate(required, available, preferredWarehouses, _units);
        var lineNo = 0;
        foreach (var line in allocation)
        {
            await using var insert = new NpgsqlCommand(
                """
                insert into stock_reservations (reservation_id, line_no, warehouse, material, lot, location, quantity, unit)
                values (@id, @no, @warehouse, @material, @lot, @location, @quantity, @unit)
                """, connection, tx);
            insert.Parameters.AddWithValue("id", reservationId);
            insert.Parameters.AddWithValue("no", lineNo++);
            insert.Parameters.AddWithValue("warehouse", line.Warehouse ?? "");
            insert.Parameters.AddWithValue("material", line.Material);
            insert.Parameters.AddWithValue("lot", line.Lot ?? "");
            insert.Parameters.AddWithValue("location", line.Location ?? "");
            insert.Parameters.AddWithValue("quantity", line.Quantity);
            insert.Parameters.AddWithValue("unit", line.Unit);
            await insert.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return allocation;
    }

    public async Task ReleaseAsync(string reservationId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("delete from stock_reservations where reservation_id = @id");
        command.Parameters.AddWithValue("id", reservationId);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, StockEntry entry, CancellationToken ct)
    {
        if (entry.Quantity <= 0m)
        {
            await using var delete = new NpgsqlCommand(
                "delete from stock where warehouse = @warehouse and material = @material and lot = @lot and location = @location and status = @status",
                connection, tx);
            AddKey(delete, entry);
            await delete.ExecuteNonQueryAsync(ct);
            return;
        }

        await using var upsert = new NpgsqlCommand(Upsert, connection, tx);
        AddKey(upsert, entry);
        upsert.Parameters.AddWithValue("quantity", entry.Quantity);
        upsert.Parameters.AddWithValue("unit", entry.Unit);
        upsert.Parameters.Add(new NpgsqlParameter("expires", NpgsqlDbType.Date) { Value = (object?)entry.ExpiresOn ?? DBNull.Value });
        await upsert.ExecuteNonQueryAsync(ct);
    }

    private static void AddKey(NpgsqlCommand command, StockEntry entry)
    {
        command.Parameters.AddWithValue("warehouse", entry.Warehouse);
        command.Parameters.AddWithValue("material", entry.Material);
        command.Parameters.AddWithValue("lot", entry.Lot);
        command.Parameters.AddWithValue("location", entry.Location);
        command.Parameters.AddWithValue("status", entry.Status.ToString());
    }

    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<StockLocation>>> AvailableAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, IReadOnlyCollection<string> materials, CancellationToken ct)
    {
        var entries = await ReadEntriesAsync(connection, tx, materials, ct);
        var reserved = await ReadReservationsAsync(connection, tx, null, materials, ct);
        return StockAvailability.Compute(entries, reserved);
    }

    private static async Task<IReadOnlyList<StockEntry>> ReadEntriesAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, IReadOnlyCollection<string>? materials, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            select warehouse, material, lot, location, status, quantity, unit, expires_on from stock
            where @materials::text[] is null or material = any(@materials)
            order by material, warehouse, location, lot
            """, connection, tx);
        command.Parameters.Add(new NpgsqlParameter("materials", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)materials?.ToArray() ?? DBNull.Value });
        var list = new List<StockEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new StockEntry(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Enum.Parse<InventoryStatus>(reader.GetString(4)), reader.GetDecimal(5), reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7)));
        }

        return list;
    }

    private static async Task<IReadOnlyList<MaterialLine>> ReadReservationsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, string? reservationId, IReadOnlyCollection<string>? materials, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            select warehouse, material, lot, location, quantity, unit from stock_reservations
            where (@id::text is null or reservation_id = @id)
              and (@materials::text[] is null or material = any(@materials))
            order by reservation_id, line_no
            """, connection, tx);
        command.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Text) { Value = (object?)reservationId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("materials", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)materials?.ToArray() ?? DBNull.Value });
        var list = new List<MaterialLine>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new MaterialLine
            {
                Warehouse = reader.GetString(0),
                Material = reader.GetString(1),
                Lot = reader.GetString(2) is { Length: > 0 } lot ? lot : null,
                Location = reader.GetString(3) is { Length: > 0 } location ? location : null,
                Quantity = reader.GetDecimal(4),
                Unit = reader.GetString(5),
            });
        }

        return list;
    }
}

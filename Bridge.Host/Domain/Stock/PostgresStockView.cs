using Bridge.Contracts.Model;
using Bridge.Host.Domain.Kitting;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Host.Infrastructure.Storage.Sagas;
using Npgsql;
using NpgsqlTypes;

namespace Bridge.Host.Domain.Stock;

/// <summary>
/// The stock view in PostgreSQL (tables <c>stock</c> and <c>stock_reservations</c>, see <see cref="StockSchemaScript"/>).
/// Every write takes transaction-scoped advisory locks on its materials (in one order), so reports, reservations and
/// picks of one material are serialised: two requests never hold the same pieces and an older report never overwrites
/// a newer one. Inside a consumed message the statements join its transaction (<see cref="PostgresSession"/>), so a
/// reservation commits or rolls back with the saga state that owns it.
/// </summary>
public sealed class PostgresStockView(PostgresSession session, IUnitConverter? units = null) : IStockView
{
    private readonly IUnitConverter _units = units ?? StandardUnitConverter.Instance;

    private const string LockSql = """
        select count(*) from (
            select pg_advisory_xact_lock(7411, b) from (
                select distinct hashtext(m) & 255 as b from unnest(@materials) m order by b) buckets) locked
        """;

    private const string SelectEntries = "select warehouse, material, lot, location, status, quantity, unit, expires_on, as_of from stock";

    // A pick's reservation lines in one warehouse (parameters id, warehouse), for LockSql's lock, the lines and their bins.
    private const string ReservationOfWarehouse = "from stock_reservations where reservation_id = @id and coalesce(warehouse, '') = @warehouse";

    private const string LockReservationSql = $"""
        select count(*) from (
            select pg_advisory_xact_lock(7411, b) from (
                select distinct hashtext(material) & 255 as b {ReservationOfWarehouse} order by b) buckets) locked
        """;

    private const string ReservationOfWarehouseSql = $"select warehouse, material, lot, location, quantity, unit {ReservationOfWarehouse} order by line_no";

    private const string ReservedBinsSql = $"""
        {SelectEntries} where (warehouse, material, lot, location) in (
            select coalesce(warehouse, ''), material, coalesce(lot, ''), coalesce(location, '') {ReservationOfWarehouse})
        """;

    public Task<StockUpdate> ApplyAsync(InventoryRecord record, DateTimeOffset asOf, CancellationToken ct) =>
        session.InTransactionAsync(async (connection, tx) =>
        {
            var incoming = StockEntry.From(record, asOf);
            await LockAsync(connection, tx, [incoming.Material], ct);
            await using var read = new NpgsqlCommand(
                SelectEntries + " where warehouse = @warehouse and material = @material and lot = @lot and location = @location", connection, tx);
            AddBin(read, incoming.Bin);
            var now = await ReadAsync(read, ct);
            if (StockLedger.Change(now, incoming, await ReadPicksAsync(connection, tx, incoming.Bin.Warehouse, incoming.Bin, ct)) is not { } rows)
            {
                return StockUpdate.Stale;
            }

            await RewriteAsync(connection, tx, incoming.Bin, rows, ct);
            await ForgetPicksAsync(connection, tx, incoming.Bin, asOf, ct);
            return new StockUpdate(true, StockLedger.MoreAvailable(now, rows));
        }, ct);

    public Task<StockUpdate> ReplaceWarehouseAsync(string warehouse, IReadOnlyList<InventoryRecord> records, DateTimeOffset asOf, CancellationToken ct) =>
        session.InTransactionAsync(async (connection, tx) =>
        {
            await using (var materials = new NpgsqlCommand("select distinct material from stock where warehouse = @warehouse", connection, tx))
            {
                materials.Parameters.AddWithValue("warehouse", warehouse);
                var known = new List<string>();
                await using (var reader = await materials.ExecuteReaderAsync(ct))
                {
                    while (await reader.ReadAsync(ct))
                    {
                        known.Add(reader.GetString(0));
                    }
                }

                await LockAsync(connection, tx, known.Concat(records.Select(r => r.Material)).ToList(), ct);
            }

            await using var read = new NpgsqlCommand(SelectEntries + " where warehouse = @warehouse", connection, tx);
            read.Parameters.AddWithValue("warehouse", warehouse);
            var before = await ReadAsync(read, ct);
            var picks = await ReadPicksAsync(connection, tx, warehouse, null, ct);
            var rewrite = StockLedger.Snapshot(before, records.Select(r => StockEntry.From(r, asOf)).ToList(), asOf, picks);
            foreach (var (bin, rows) in rewrite)
            {
                await RewriteAsync(connection, tx, bin, rows, ct);
                await ForgetPicksAsync(connection, tx, bin, asOf, ct);
            }

            var after = before.Where(e => !rewrite.ContainsKey(e.Bin)).Concat(rewrite.Values.SelectMany(r => r));
            return new StockUpdate(true, StockLedger.MoreAvailable(before, after));
        }, ct);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<StockLocation>>> GetAvailableAsync(IReadOnlyCollection<string> materials, CancellationToken ct) =>
        session.InTransactionAsync((connection, tx) => AvailableAsync(connection, tx, materials, ct), ct);

    public Task<IReadOnlyList<StockEntry>> ListAsync(string? material, CancellationToken ct) =>
        session.InTransactionAsync(async (connection, tx) =>
        {
            var entries = await ReadEntriesAsync(connection, tx, material is null ? null : [material], ct);
            IReadOnlyList<StockEntry> listed = entries.Where(e => e.Quantity > 0m).ToList();
            return listed;
        }, ct);

    public Task<IReadOnlyList<MaterialLine>?> ReserveAsync(string reservationId, IReadOnlyList<MaterialLine> required, IReadOnlySet<string> preferredWarehouses, CancellationToken ct) =>
        ReserveAsync(reservationId, required.Select(r => r.Material).Distinct(StringComparer.Ordinal).ToList(), available =>
            KitCalculator.Check(required, available, _units).Complete ? StockPlan.TryAllocate(required, available, preferredWarehouses, _units) : null, ct);

    public Task ConsumeAsync(string reservationId, string warehouse, DateTimeOffset pickedAt, CancellationToken ct) =>
        session.InTransactionAsync(async (connection, tx) =>
        {
            // Two round trips: the lock on the reservation's materials, its lines and its bins' rows (read under the
            // lock), then every write. The lock is held until the consumed message commits, so each round trip inside
            // it delays every other request for these materials.
            List<MaterialLine> lines;
            var current = new Dictionary<StockBin, IReadOnlyList<StockEntry>>();
            await using (var read = new NpgsqlBatch(connection, tx))
            {
                read.BatchCommands.Add(OfReservation(new NpgsqlBatchCommand(LockReservationSql), reservationId, warehouse));
                read.BatchCommands.Add(OfReservation(new NpgsqlBatchCommand(ReservationOfWarehouseSql), reservationId, warehouse));
                read.BatchCommands.Add(OfReservation(new NpgsqlBatchCommand(ReservedBinsSql), reservationId, warehouse));
                await using var reader = await read.ExecuteReaderAsync(ct);
                await reader.NextResultAsync(ct);
                lines = [.. await ReadLinesAsync(reader, ct)];
                await reader.NextResultAsync(ct);
                foreach (var bin in (await ReadEntriesAsync(reader, ct)).GroupBy(e => new StockBin(e.Warehouse, e.Material, e.Lot, e.Location)))
                {
                    current[bin.Key] = [.. bin];
                }
            }

            if (lines.Count == 0)
            {
                return;
            }

            foreach (var line in lines)
            {
                current.TryAdd(new StockBin(warehouse, line.Material, line.Lot ?? "", line.Location ?? ""), []);
            }

            await using var write = new NpgsqlBatch(connection, tx);
            var picked = new HashSet<StockBin>();
            foreach (var line in lines)
            {
                var bin = new StockBin(warehouse, line.Material, line.Lot ?? "", line.Location ?? "");
                if (StockLedger.PickIsNewer(current[bin], pickedAt))
                {
                    current[bin] = StockLedger.Pick(current[bin], line.Quantity);
                    picked.Add(bin);
                    write.BatchCommands.Add(RememberPick(bin, pickedAt, line.Quantity));
                }
            }

            foreach (var bin in picked)
            {
                AddRewrite(write, bin, current[bin]);
            }

            var delete = new NpgsqlBatchCommand("delete from stock_reservations where reservation_id = @id and warehouse = @warehouse");
            delete.Parameters.AddWithValue("id", reservationId);
            delete.Parameters.AddWithValue("warehouse", warehouse);
            write.BatchCommands.Add(delete);
            await write.ExecuteNonQueryAsync(ct);
        }, ct);

    public Task<IReadOnlyList<string>> ReleaseAsync(string reservationId, CancellationToken ct) => DeleteReservationAsync(reservationId, null, ct);

    public Task<IReadOnlyList<StockReservation>> ListReservationsAsync(CancellationToken ct) =>
        session.InTransactionAsync(async (connection, tx) =>
        {
            await using var command = new NpgsqlCommand(
                "select reservation_id, min(created_at) from stock_reservations group by reservation_id order by 1", connection, tx);
            var list = new List<StockReservation>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                list.Add(new StockReservation(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
            }

            IReadOnlyList<StockReservation> result = list;
            return result;
        }, ct);

    // Sourcing and transfers between sites (material request sourcing, Processes/Transfers).

    public Task<IReadOnlyList<MaterialLine>?> ReserveAsync(string reservationId, IReadOnlyCollection<string> materials, StockPlanner plan, CancellationToken ct) =>
        HoldAsync(reservationId, materials, plan, append: false, ct);

    public Task<IReadOnlyList<MaterialLine>?> ReserveMoreAsync(string reservationId, IReadOnlyCollection<string> materials, StockPlanner plan, CancellationToken ct) =>
        HoldAsync(reservationId, materials, plan, append: true, ct);

    public Task<IReadOnlyList<string>> ReleaseAsync(string reservationId, string warehouse, CancellationToken ct) => DeleteReservationAsync(reservationId, warehouse, ct);

    /// <summary>Deletes a reservation's rows (only one warehouse's when given); returns the materials they held, sorted.</summary>
    private Task<IReadOnlyList<string>> DeleteReservationAsync(string reservationId, string? warehouse, CancellationToken ct) =>
        session.InTransactionAsync(async (connection, tx) =>
        {
            await using var command = new NpgsqlCommand(
                "delete from stock_reservations where reservation_id = @id" + (warehouse is null ? "" : " and warehouse = @warehouse") + " returning material",
                connection, tx);
            command.Parameters.AddWithValue("id", reservationId);
            if (warehouse is not null)
            {
                command.Parameters.AddWithValue("warehouse", warehouse);
            }

            var materials = new SortedSet<string>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                materials.Add(reader.GetString(0));
            }

            IReadOnlyList<string> released = materials.ToList();
            return released;
        }, ct);

    public Task<IReadOnlyList<MaterialLine>> TransferAsync(
        string reservationId, IReadOnlyList<MaterialLine> lines, string toWarehouse, string toLocation, DateTimeOffset arrivedAt, CancellationToken ct) =>
        session.InTransactionAsync(async (connection, tx) =>
        {
            await LockAsync(connection, tx, lines.Select(l => l.Material).ToList(), ct);
            var moved = new List<MaterialLine>();
            foreach (var line in lines)
            {
                await using (var take = new NpgsqlCommand(
                    """
                    delete from stock_reservations where ctid = (
                        select ctid from stock_reservations
                        where reservation_id = @id and warehouse = @warehouse and material = @material and lot = @lot
                          and location = @location and quantity = @quantity and lower(unit) = lower(@unit)
                        limit 1)
                    """, connection, tx))
                {
                    take.Parameters.AddWithValue("id", reservationId);
                    AddBin(take, StockTransfer.SourceBin(line));
                    take.Parameters.AddWithValue("quantity", line.Quantity);
                    take.Parameters.AddWithValue("unit", line.Unit);
                    if (await take.ExecuteNonQueryAsync(ct) == 0)
                    {
                        continue;
                    }
                }

                var sourceBin = StockTransfer.SourceBin(line);
                var source = await ReadBinAsync(connection, tx, sourceBin, ct);
                var expires = source.FirstOrDefault(e => e.Status == InventoryStatus.Available)?.ExpiresOn;
                // The stock leaves its source bin like a pick, so a report older than the transfer does not bring it back.
                if (source.Count > 0 && StockLedger.PickIsNewer(source, arrivedAt))
                {
                    await RewriteAsync(connection, tx, sourceBin, StockLedger.Pick(source, line.Quantity), ct);
                    await RememberPickAsync(connection, tx, sourceBin, arrivedAt, line.Quantity, ct);
                }

                var bin = new StockBin(toWarehouse, line.Material, line.Lot ?? "", toLocation);
                var rows = (await ReadBinAsync(connection, tx, bin, ct)).ToList();
                var available = rows.FindIndex(e => e.Status == InventoryStatus.Available);
                var entry = StockTransfer.Receive(available >= 0 ? rows[available] : null, bin, line, expires, arrivedAt);
                if (available >= 0)
                {
                    rows[available] = entry;
                }
                else
                {
                    rows.Add(entry);
                }

                await RewriteAsync(connection, tx, bin, rows, ct);
                var arrived = StockTransfer.Arrived(line, toWarehouse, toLocation);
                await InsertReservationLinesAsync(connection, tx, reservationId, [arrived], ct);
                moved.Add(arrived);
            }

            IReadOnlyList<MaterialLine> result = moved;
            return result;
        }, ct);

    private Task<IReadOnlyList<MaterialLine>?> HoldAsync(string reservationId, IReadOnlyCollection<string> materials, StockPlanner plan, bool append, CancellationToken ct) =>
        session.InTransactionAsync(async (connection, tx) =>
        {
            // One round trip: the lock, then under it what this reservation holds and what is available. The lock is held
            // until the consumed message's transaction commits, so every round trip inside it delays every other request
            // for these materials.
            IReadOnlyList<MaterialLine> existing;
            IReadOnlyList<StockEntry> entries;
            IReadOnlyList<MaterialLine> held;
            await using (var batch = new NpgsqlBatch(connection, tx))
            {
                var distinct = materials.Distinct(StringComparer.Ordinal).ToArray();
                batch.BatchCommands.Add(WithMaterials(new NpgsqlBatchCommand(LockSql), distinct));
                var lines = new NpgsqlBatchCommand(ReservationLinesSql);
                lines.Parameters.AddWithValue("id", reservationId);
                batch.BatchCommands.Add(lines);
                batch.BatchCommands.Add(WithMaterials(new NpgsqlBatchCommand(EntriesOfMaterialsSql), distinct));
                batch.BatchCommands.Add(WithMaterials(new NpgsqlBatchCommand(HeldSql), distinct));
                await using var reader = await batch.ExecuteReaderAsync(ct);
                await reader.NextResultAsync(ct);
                existing = await ReadLinesAsync(reader, ct);
                await reader.NextResultAsync(ct);
                entries = await ReadEntriesAsync(reader, ct);
                await reader.NextResultAsync(ct);
                held = await ReadLinesAsync(reader, ct);
            }

            if (existing.Count > 0 && !append)
            {
                return existing;
            }

            if (plan(StockAvailability.Compute(entries, held)) is not { } allocation)
            {
                return null;
            }

            await InsertReservationLinesAsync(connection, tx, reservationId, allocation, ct);
            return (IReadOnlyList<MaterialLine>?)allocation;
        }, ct);

    private const string ReservationLinesSql =
        "select warehouse, material, lot, location, quantity, unit from stock_reservations where reservation_id = @id order by line_no";

    private const string EntriesOfMaterialsSql = SelectEntries + " where material = any(@materials) order by material, warehouse, location, lot";

    /// <summary>What all reservations hold of the materials, summed per bin (one row per bin, not per reservation line).</summary>
    private const string HeldSql = """
        select warehouse, material, lot, location, sum(quantity), min(unit) from stock_reservations
        where material = any(@materials)
        group by warehouse, material, lot, location
        """;

    private static NpgsqlBatchCommand OfReservation(NpgsqlBatchCommand command, string reservationId, string warehouse)
    {
        command.Parameters.AddWithValue("id", reservationId);
        command.Parameters.AddWithValue("warehouse", warehouse);
        return command;
    }

    private static NpgsqlBatchCommand WithMaterials(NpgsqlBatchCommand command, string[] materials)
    {
        command.Parameters.Add(new NpgsqlParameter("materials", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = materials });
        return command;
    }

    /// <summary>Appends lines to a reservation, numbered after the lines it holds; one round trip.</summary>
    private static async Task InsertReservationLinesAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, string reservationId, IReadOnlyList<MaterialLine> lines, CancellationToken ct)
    {
        if (lines.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection, tx);
        foreach (var line in lines)
        {
            // Statements of a batch run in order, so each sees the line numbers the ones before it took.
            var insert = new NpgsqlBatchCommand(
                """
                insert into stock_reservations (reservation_id, line_no, warehouse, material, lot, location, quantity, unit)
                values (@id, (select coalesce(max(line_no) + 1, 0) from stock_reservations where reservation_id = @id),
                        @warehouse, @material, @lot, @location, @quantity, @unit)
                """);
            insert.Parameters.AddWithValue("id", reservationId);
            insert.Parameters.AddWithValue("warehouse", line.Warehouse ?? "");
            insert.Parameters.AddWithValue("material", line.Material);
            insert.Parameters.AddWithValue("lot", line.Lot ?? "");
            insert.Parameters.AddWithValue("location", line.Location ?? "");
            insert.Parameters.AddWithValue("quantity", line.Quantity);
            insert.Parameters.AddWithValue("unit", line.Unit);
            batch.BatchCommands.Add(insert);
        }

        await batch.ExecuteNonQueryAsync(ct);
    }

    private static async Task<IReadOnlyList<StockEntry>> ReadBinAsync(NpgsqlConnection connection, NpgsqlTransaction tx, StockBin bin, CancellationToken ct)
    {
        await using var read = new NpgsqlCommand(
            SelectEntries + " where warehouse = @warehouse and material = @material and lot = @lot and location = @location", connection, tx);
        AddBin(read, bin);
        return await ReadAsync(read, ct);
    }

    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyCollection<string> materials, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(LockSql, connection, tx);
        command.Parameters.Add(new NpgsqlParameter("materials", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = materials.Distinct(StringComparer.Ordinal).ToArray() });
        await command.ExecuteScalarAsync(ct);
    }

    private static async Task RewriteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, StockBin bin, IReadOnlyList<StockEntry> rows, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, tx);
        AddRewrite(batch, bin, rows);
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Adds the statements that make a bin's rows <paramref name="rows"/> to a batch: rows of a status no longer there are
    /// deleted, the others updated in place (only when a value changed) or inserted. Deleting and inserting every row of
    /// the bin on each pick left a dead row and new index entries per pick, which every later read of the material
    /// stepped over until autovacuum came (1,209 dead rows for 3 live in a benchmark run).
    /// </summary>
    private static void AddRewrite(NpgsqlBatch batch, StockBin bin, IReadOnlyList<StockEntry> rows)
    {
        var delete = new NpgsqlBatchCommand(
            "delete from stock where warehouse = @warehouse and material = @material and lot = @lot and location = @location and status <> all(@statuses)");
        AddBin(delete.Parameters, bin);
        delete.Parameters.Add(new NpgsqlParameter("statuses", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Status.ToString()).ToArray() });
        batch.BatchCommands.Add(delete);
        foreach (var entry in rows)
        {
            var upsert = new NpgsqlBatchCommand(
                """
                insert into stock (warehouse, material, lot, location, status, quantity, unit, expires_on, as_of, updated_at)
                values (@warehouse, @material, @lot, @location, @status, @quantity, @unit, @expires, @asOf, now())
                on conflict (warehouse, material, lot, location, status) do update
                set quantity = excluded.quantity, unit = excluded.unit, expires_on = excluded.expires_on, as_of = excluded.as_of, updated_at = now()
                where (stock.quantity, scale(stock.quantity), stock.unit, stock.expires_on, stock.as_of)
                    is distinct from (excluded.quantity, scale(excluded.quantity), excluded.unit, excluded.expires_on, excluded.as_of)
                """);
            AddBin(upsert.Parameters, bin);
            upsert.Parameters.AddWithValue("status", entry.Status.ToString());
            upsert.Parameters.AddWithValue("quantity", entry.Quantity);
            upsert.Parameters.AddWithValue("unit", entry.Unit);
            upsert.Parameters.Add(new NpgsqlParameter("expires", NpgsqlDbType.Date) { Value = (object?)entry.ExpiresOn ?? DBNull.Value });
            upsert.Parameters.AddWithValue("asOf", entry.AsOf.ToUniversalTime());
            batch.BatchCommands.Add(upsert);
        }
    }

    /// <summary>The picks applied since the last report, of one bin or (bin null) of the whole warehouse.</summary>
    /// <summary>Keeps a pick so that a report older than it is taken less the pick (<see cref="StockLedger"/>).</summary>
    private static async Task RememberPickAsync(NpgsqlConnection connection, NpgsqlTransaction tx, StockBin bin, DateTimeOffset at, decimal quantity, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, tx);
        batch.BatchCommands.Add(RememberPick(bin, at, quantity));
        await batch.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlBatchCommand RememberPick(StockBin bin, DateTimeOffset at, decimal quantity)
    {
        var remember = new NpgsqlBatchCommand(
            "insert into stock_picks (warehouse, material, lot, location, picked_at, quantity) values (@warehouse, @material, @lot, @location, @at, @quantity)");
        AddBin(remember.Parameters, bin);
        remember.Parameters.AddWithValue("at", at.ToUniversalTime());
        remember.Parameters.AddWithValue("quantity", quantity);
        return remember;
    }

    /// <summary>The picks applied since the last report, of one bin or (bin null) of the whole warehouse.</summary>
    private static async Task<IReadOnlyList<StockPick>> ReadPicksAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string warehouse, StockBin? bin, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            select material, lot, location, picked_at, quantity from stock_picks
            where warehouse = @warehouse and (@material::text is null or (material = @material and lot = @lot and location = @location))
            """, connection, tx);
        command.Parameters.AddWithValue("warehouse", warehouse);
        command.Parameters.Add(new NpgsqlParameter("material", NpgsqlDbType.Text) { Value = (object?)bin?.Material ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("lot", NpgsqlDbType.Text) { Value = (object?)bin?.Lot ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("location", NpgsqlDbType.Text) { Value = (object?)bin?.Location ?? DBNull.Value });
        var picks = new List<StockPick>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            picks.Add(new StockPick(new StockBin(warehouse, reader.GetString(0), reader.GetString(1), reader.GetString(2)),
                new DateTimeOffset(reader.GetFieldValue<DateTime>(3), TimeSpan.Zero), reader.GetDecimal(4)));
        }

        return picks;
    }

    /// <summary>A report as of <paramref name="asOf"/> already lacks the picks made before it.</summary>
    private static async Task ForgetPicksAsync(NpgsqlConnection connection, NpgsqlTransaction tx, StockBin bin, DateTimeOffset asOf, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "delete from stock_picks where warehouse = @warehouse and material = @material and lot = @lot and location = @location and picked_at <= @asOf",
            connection, tx);
        AddBin(command, bin);
        command.Parameters.AddWithValue("asOf", asOf.ToUniversalTime());
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddBin(NpgsqlCommand command, StockBin bin) => AddBin(command.Parameters, bin);

    private static void AddBin(NpgsqlParameterCollection parameters, StockBin bin)
    {
        parameters.AddWithValue("warehouse", bin.Warehouse);
        parameters.AddWithValue("material", bin.Material);
        parameters.AddWithValue("lot", bin.Lot);
        parameters.AddWithValue("location", bin.Location);
    }

    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<StockLocation>>> AvailableAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyCollection<string> materials, CancellationToken ct)
    {
        var entries = await ReadEntriesAsync(connection, tx, materials, ct);
        await using var command = new NpgsqlCommand(HeldSql, connection, tx);
        command.Parameters.Add(new NpgsqlParameter("materials", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = materials.Distinct(StringComparer.Ordinal).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return StockAvailability.Compute(entries, await ReadLinesAsync(reader, ct));
    }

    private static async Task<IReadOnlyList<StockEntry>> ReadEntriesAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyCollection<string>? materials, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            SelectEntries + """

            where @materials::text[] is null or material = any(@materials)
            order by material, warehouse, location, lot
            """, connection, tx);
        command.Parameters.Add(new NpgsqlParameter("materials", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)materials?.ToArray() ?? DBNull.Value });
        return await ReadAsync(command, ct);
    }

    private static async Task<IReadOnlyList<StockEntry>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await ReadEntriesAsync(reader, ct);
    }

    private static async Task<IReadOnlyList<StockEntry>> ReadEntriesAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var list = new List<StockEntry>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(new StockEntry(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Enum.Parse<InventoryStatus>(reader.GetString(4)), reader.GetDecimal(5), reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7),
                reader.GetFieldValue<DateTime>(8) is var asOf && asOf == DateTime.MinValue ? DateTimeOffset.MinValue : new DateTimeOffset(asOf, TimeSpan.Zero)));
        }

        return list;
    }

    /// <summary>Rows of (warehouse, material, lot, location, quantity, unit) as material lines.</summary>
    private static async Task<IReadOnlyList<MaterialLine>> ReadLinesAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var list = new List<MaterialLine>();
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

    private static async Task<IReadOnlyList<MaterialLine>> ReadReservationsAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, string? reservationId, IReadOnlyCollection<string>? materials, CancellationToken ct)
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
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await ReadLinesAsync(reader, ct);
    }
}

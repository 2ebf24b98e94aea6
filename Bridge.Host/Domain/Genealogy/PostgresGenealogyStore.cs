using Bridge.Host.Infrastructure.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Bridge.Host.Domain.Genealogy;

/// <summary>Genealogy in PostgreSQL; a report is recorded inside the consumed message's transaction when there is one.</summary>
public sealed class PostgresGenealogyStore(PostgresSession session) : IGenealogyStore
{
    public Task<bool> RecordAsync(GenealogyRecord record, CancellationToken ct) =>
        session.InTransactionAsync(async (connection, tx) =>
        {
            await using var report = new NpgsqlCommand(
                """
                insert into genealogy_reports (report_id, order_id, plant, product, produced_lot, produced_quantity, unit, occurred_at)
                values (@id, @order, @plant, @product, @lot, @quantity, @unit, @at) on conflict (report_id) do nothing
                """, connection, tx);
            report.Parameters.AddWithValue("id", record.ReportId);
            report.Parameters.AddWithValue("order", PostgresText.Storable(record.OrderId));
            report.Parameters.Add(Text("plant", record.Plant));
            report.Parameters.AddWithValue("product", PostgresText.Storable(record.Product));
            report.Parameters.Add(Text("lot", record.ProducedLot));
            report.Parameters.AddWithValue("quantity", record.ProducedQuantity);
            report.Parameters.AddWithValue("unit", PostgresText.Storable(record.Unit));
            report.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = record.OccurredAt.ToUniversalTime() });
            if (await report.ExecuteNonQueryAsync(ct) == 0)
            {
                return false;
            }

            for (var i = 0; i < record.Inputs.Count; i++)
            {
                var input = record.Inputs[i];
                await using var line = new NpgsqlCommand(
                    """
                    insert into genealogy_inputs (report_id, position, material, lot, warehouse, supplier_lot, quantity, unit)
                    values (@id, @position, @material, @lot, @warehouse, @supplier, @quantity, @unit)
                    """, connection, tx);
                line.Parameters.AddWithValue("id", record.ReportId);
                line.Parameters.AddWithValue("position", i);
                line.Parameters.AddWithValue("material", PostgresText.Storable(input.Material));
                line.Parameters.Add(Text("lot", input.Lot));
                line.Parameters.Add(Text("warehouse", input.Warehouse));
                line.Parameters.Add(Text("supplier", input.SupplierLot));
                line.Parameters.AddWithValue("quantity", input.Quantity);
                line.Parameters.AddWithValue("unit", PostgresText.Storable(input.Unit));
                await line.ExecuteNonQueryAsync(ct);
            }

            return true;
        }, ct);

    public Task<IReadOnlyList<GenealogyRecord>> FindByOrderAsync(string orderId, CancellationToken ct) =>
        LoadAsync("r.order_id = @key", new NpgsqlParameter("key", NpgsqlDbType.Text) { Value = PostgresText.Storable(orderId) }, ct);

    public Task<IReadOnlyList<GenealogyRecord>> FindConsumingAsync(IReadOnlyCollection<string> lots, CancellationToken ct) =>
        LoadAsync("r.report_id in (select report_id from genealogy_inputs where lot = any(@key))",
            new NpgsqlParameter("key", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = lots.Select(PostgresText.Storable).ToArray() }, ct);

    public Task<IReadOnlyList<GenealogyRecord>> FindProducingAsync(string lot, CancellationToken ct) =>
        LoadAsync("r.produced_lot = @key", new NpgsqlParameter("key", NpgsqlDbType.Text) { Value = PostgresText.Storable(lot) }, ct);

    private Task<IReadOnlyList<GenealogyRecord>> LoadAsync(string where, NpgsqlParameter key, CancellationToken ct) =>
        session.InTransactionAsync(async (connection, tx) =>
        {
            await using var command = new NpgsqlCommand(
                $"""
                select r.report_id, r.order_id, r.plant, r.product, r.produced_lot, r.produced_quantity, r.unit, r.occurred_at,
                       i.material, i.lot, i.warehouse, i.supplier_lot, i.quantity, i.unit
                from genealogy_reports r left join genealogy_inputs i on i.report_id = r.report_id
                where {where}
                order by r.occurred_at, r.report_id, i.position
                """, connection, tx);
            command.Parameters.Add(key);
            var records = new List<GenealogyRecord>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetGuid(0);
                if (records.Count == 0 || records[^1].ReportId != id)
                {
                    records.Add(new GenealogyRecord(id, reader.GetString(1), Nullable(reader, 2), reader.GetString(3), Nullable(reader, 4),
                        reader.GetDecimal(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7), new List<GenealogyInput>()));
                }

                if (!reader.IsDBNull(8))
                {
                    ((List<GenealogyInput>)records[^1].Inputs).Add(new GenealogyInput(reader.GetString(8), Nullable(reader, 9), Nullable(reader, 10),
                        Nullable(reader, 11), reader.GetDecimal(12), reader.GetString(13)));
                }
            }

            IReadOnlyList<GenealogyRecord> found = records;
            return found;
        }, ct);

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = value is null ? DBNull.Value : PostgresText.Storable(value) };

    private static string? Nullable(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

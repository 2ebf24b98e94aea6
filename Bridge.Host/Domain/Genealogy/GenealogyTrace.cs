namespace Bridge.Host.Domain.Genealogy;

/// <summary>
/// Reads the genealogy store forwards (lot → the orders and lots made from it, level by level) and per order. A lot
/// reached twice is followed once, so a cycle in bad data ends; the walk stops at <see cref="MaxDepth"/> levels.
/// </summary>
public sealed class GenealogyTrace(IGenealogyStore store)
{
    public const int MaxDepth = 20;

    public async Task<LotGenealogy?> ForLotAsync(string lot, CancellationToken ct)
    {
        var producedBy = (await store.FindProducingAsync(lot, ct))
            .Select(r => new LotOrigin(r.OrderId, r.Plant, r.Product, r.ProducedQuantity, r.Unit, r.OccurredAt))
            .ToList();
        var usedIn = new List<LotUse>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { lot };
        var frontier = new List<string> { lot };
        for (var depth = 1; frontier.Count > 0 && depth <= MaxDepth; depth++)
        {
            var next = new List<string>();
            foreach (var record in await store.FindConsumingAsync(frontier, ct))
            {
                foreach (var input in record.Inputs.Where(i => i.Lot is not null && frontier.Contains(i.Lot, StringComparer.Ordinal)))
                {
                    usedIn.Add(new LotUse(depth, input.Lot!, input.Material, input.Quantity, input.Unit, input.Warehouse,
                        record.OrderId, record.Plant, record.Product, record.ProducedLot));
                }

                if (record.ProducedLot is { } made && seen.Add(made))
                {
                    next.Add(made);
                }
            }

            frontier = next;
        }

        return producedBy.Count == 0 && usedIn.Count == 0 ? null : new LotGenealogy(lot, producedBy, usedIn);
    }

    public async Task<OrderGenealogy?> ForOrderAsync(string orderId, CancellationToken ct)
    {
        var records = await store.FindByOrderAsync(orderId, ct);
        if (records.Count == 0)
        {
            return null;
        }

        var consumed = records
            .SelectMany(r => r.Inputs)
            .GroupBy(i => (i.Material, i.Lot, i.Warehouse, i.SupplierLot, i.Unit))
            .Select(g => new GenealogyInput(g.Key.Material, g.Key.Lot, g.Key.Warehouse, g.Key.SupplierLot, g.Sum(i => i.Quantity), g.Key.Unit))
            .ToList();
        var produced = records
            .Where(r => r.ProducedQuantity > 0m)
            .Select(r => new ProducedLot(r.ProducedLot, r.ProducedQuantity, r.Unit, r.OccurredAt))
            .ToList();
        var last = records[^1];
        return new OrderGenealogy(orderId, last.Plant, last.Product, produced, consumed);
    }
}

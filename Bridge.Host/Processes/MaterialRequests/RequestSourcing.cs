using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Domain.Kitting;
using Bridge.Host.Domain.Sourcing;
using Bridge.Host.Domain.Stock;
using Microsoft.Extensions.Options;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>
/// Sourcing inside the request, for a plant config/warehouses.yaml knows: <see cref="SourcingService"/> chooses per
/// line (own warehouses, same site, other sites in time for the needed-by) under the stock view's lock, and the choice
/// is held as the request's reservation. Stock at the plant's site is picked; stock at another site is moved first by
/// a transfer order per source warehouse to the plant's own warehouse. The decision and its reasons go on the request.
/// </summary>
public sealed class RequestSourcing(
    IStockView stock,
    WarehouseCatalog catalog,
    MaterialRequestJournal journal,
    IOptions<MaterialRequestSettings> settings,
    TimeProvider time,
    IUnitConverter? units = null)
{
    private readonly IUnitConverter _units = units ?? StandardUnitConverter.Instance;

    public bool Knows(ProductionOrderReleased? order) => order is not null && catalog.Plants.ContainsKey(order.Plant);

    /// <exception cref="KitQuantityException">The quantities cannot be worked with.</exception>
    public async Task<KitOutcome> ReserveAsync(MaterialRequestState state, ProductionOrderReleased order, CancellationToken ct)
    {
        state.Plant = order.Plant;
        var now = time.GetUtcNow();
        state.NeededBy ??= order.DueAt ?? now + settings.Value.NeededByWhenUnknown;
        var required = RequirementMerger.Merge(state.Required, _units);
        var (held, decisions) = await HoldAsync(state, required, now, append: false, ct);
        if (held is null)
        {
            state.LastKit = decisions.Select(KitLineOf).ToList();
            journal.Record(state, "short", string.Join("; ", decisions.Where(d => !d.Covered).SelectMany(d => d.Reasons.Select(r => $"{d.Material} {r}"))));
            return new KitOutcome.Short(new KitResult(state.LastKit));
        }

        state.LastKit = [];
        state.Sourcing.Clear();
        Record(state, decisions, "sourced");
        var (local, transfers) = Split(state, held, decisions);
        if (transfers.Count == 0)
        {
            state.Picks = MaterialRequestPicks.Plan(state, local);
            journal.Record(state, "reserved", string.Join("; ", state.Picks.Select(p => $"{p.Warehouse}: {p.Lines.Count} line(s)")));
            return new KitOutcome.Reserved(state.Picks);
        }

        state.LocalLines = local.ToList();
        state.Transfers.AddRange(transfers);
        journal.Record(state, "transfer-ordered", Describe(transfers));
        return new KitOutcome.Transferring(transfers);
    }

    /// <summary>
    /// A transfer failed: release what it held at its source and source what it covered once more, never from that
    /// source again. Null when it cannot be covered (or was already re-sourced once): the request is short.
    /// </summary>
    public async Task<(IReadOnlyList<MaterialLine> Local, IReadOnlyList<TransferTrack> Transfers)?> ResourceAsync(
        MaterialRequestState state, TransferTrack failed, CancellationToken ct)
    {
        var materials = await stock.ReleaseAsync(state.RequestId, failed.FromWarehouse, ct);
        journal.Record(state, "released", $"{failed.FromWarehouse}: reservation of {string.Join(", ", materials)} released after {failed.TransferOrderId} failed");
        if (state.FailedSources.Count > 0)
        {
            state.FailedSources.Add(failed.FromWarehouse);
            return null;
        }

        state.FailedSources.Add(failed.FromWarehouse);
        var (held, decisions) = await HoldAsync(state, failed.Covers, time.GetUtcNow(), append: true, ct);
        if (held is null)
        {
            state.LastKit = decisions.Where(d => !d.Covered).Select(KitLineOf).ToList();
            Record(state, decisions, "re-source-short");
            return null;
        }

        Record(state, decisions, "re-sourced");
        return Split(state, held, decisions);
    }

    private async Task<(IReadOnlyList<MaterialLine>? Held, IReadOnlyList<SourcingDecision> Decisions)> HoldAsync(
        MaterialRequestState state, IReadOnlyList<MaterialLine> required, DateTimeOffset now, bool append, CancellationToken ct)
    {
        var service = new SourcingService(catalog, _units);
        var excluded = state.FailedSources.ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<SourcingDecision> decisions = [];
        StockPlanner plan = available =>
        {
            var pool = StockPool.FromAvailable(available.ToDictionary(
                m => m.Key, m => (IReadOnlyList<StockLocation>)m.Value.Where(s => !excluded.Contains(s.Warehouse)).ToList(), StringComparer.Ordinal));
            decisions = required.Select(line => service.Source(pool, line, state.Plant!, now, state.NeededBy!.Value)).ToList();
            return decisions.All(d => d.Covered) ? decisions.SelectMany(Lines).ToList() : null;
        };
        var materials = required.Select(r => r.Material).Distinct(StringComparer.Ordinal).ToList();
        var held = append
            ? await stock.ReserveMoreAsync(state.RequestId, materials, plan, ct)
            : await stock.ReserveAsync(state.RequestId, materials, plan, ct);
        return (held, decisions);
    }

    /// <summary>Lines at the plant's site are picked where they are; lines at another site travel to the plant's own warehouse first.</summary>
    private (IReadOnlyList<MaterialLine> Local, IReadOnlyList<TransferTrack> Transfers) Split(
        MaterialRequestState state, IReadOnlyList<MaterialLine> held, IReadOnlyList<SourcingDecision> decisions)
    {
        var plant = catalog.Plants[state.Plant!];
        var destination = catalog.Warehouses.Values.Where(w => w.Plants.Contains(plant.Id, StringComparer.Ordinal))
            .Select(w => w.Id).Order(StringComparer.Ordinal).FirstOrDefault();
        bool Remote(MaterialLine line) =>
            destination is not null && catalog.Warehouses.TryGetValue(line.Warehouse ?? "", out var w) && w.Site != plant.Site;

        var transfers = held.Where(Remote)
            .GroupBy(l => l.Warehouse!, StringComparer.Ordinal)
            .Select(group => new TransferTrack
            {
                FromWarehouse = group.Key,
                ToWarehouse = destination!,
                Lines = group.ToList(),
                Covers = decisions.SelectMany(d => d.Sourced.Where(s => s.Warehouse == group.Key)
                        .Select(s => new MaterialLine { Material = d.Material, Quantity = s.Quantity, Unit = d.Unit }))
                    .GroupBy(l => (l.Material, l.Unit))
                    .Select(g => new MaterialLine { Material = g.Key.Material, Unit = g.Key.Unit, Quantity = UnitMath.Normalize(g.Sum(l => l.Quantity)) })
                    .ToList(),
            })
            .ToList();
        for (var i = 0; i < transfers.Count; i++)
        {
            transfers[i].TransferOrderId = MaterialRequestIds.TransferOrderId(state.CorrelationId, state.Transfers.Count + i);
            if (transfers[i].Covers.Count == 0)
            {
                // A reservation replayed from an earlier attempt carries no decisions: it covers what it holds.
                transfers[i].Covers = transfers[i].Lines.Select(l => l with { Warehouse = null, Lot = null, Location = null }).ToList();
            }
        }

        return (held.Where(l => !Remote(l)).ToList(), transfers);
    }

    private void Record(MaterialRequestState state, IReadOnlyList<SourcingDecision> decisions, string step)
    {
        foreach (var decision in decisions)
        {
            state.Sourcing.Add(new SourcingLine
            {
                Material = decision.Material,
                Required = decision.Required,
                Unit = decision.Unit,
                Shortage = decision.Shortage,
                Reasons = decision.Reasons.ToList(),
            });
        }

        journal.Record(state, step, string.Join("; ", decisions.SelectMany(d => d.Reasons.Select(r => $"{d.Material} {r}"))));
    }

    private static IEnumerable<MaterialLine> Lines(SourcingDecision decision) =>
        decision.Sourced.Select(s => new MaterialLine
        {
            Material = decision.Material,
            Quantity = s.StockQuantity,
            Unit = s.StockUnit,
            Warehouse = s.Warehouse,
            Lot = s.Lot,
            Location = s.Location,
        });

    private static KitLine KitLineOf(SourcingDecision decision) => new()
    {
        Material = decision.Material,
        Unit = decision.Unit,
        Required = decision.Required,
        Available = decision.Required - decision.Shortage,
        Locations = decision.Sourced.Select(s => new StockLocation(s.Warehouse, s.Location, s.Lot, s.StockQuantity, null, s.StockUnit)).ToList(),
    };

    private static string Describe(IEnumerable<TransferTrack> transfers) =>
        string.Join("; ", transfers.Select(t => $"{t.TransferOrderId}: {t.FromWarehouse} → {t.ToWarehouse}, "
            + string.Join(", ", t.Lines.Select(l => $"{l.Material} {UnitMath.Normalize(l.Quantity)} {l.Unit}"))));
}

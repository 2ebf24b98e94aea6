using System.Globalization;
using Bridge.Contracts.Model;
using Bridge.Host.Domain.Kitting;

namespace Bridge.Host.Domain.Sourcing;

/// <summary>
/// Chooses where a required line comes from, taking it out of the <see cref="StockPool"/>: the plant's own warehouses
/// first, then other warehouses of its site, then other sites whose transfer arrives by the needed-by time (cheapest,
/// then quickest). Within each tier one warehouse that covers what is left is preferred to a split; otherwise the line
/// is split. Within a warehouse lots go FEFO then FIFO. Blocked, quality-inspection and expired stock never counts;
/// another owner's stock only when the plant may use it. Late stock is not taken: it is listed as a possible source.
/// An order already past its needed-by time is kitted as soon as possible: stock that is there now counts, transfers
/// are late.
/// </summary>
public sealed class SourcingService(WarehouseCatalog catalog, IUnitConverter? units = null)
{
    private readonly IUnitConverter _units = units ?? StandardUnitConverter.Instance;

    public SourcingDecision Source(StockPool pool, MaterialLine line, string plantId, DateTimeOffset now, DateTimeOffset neededBy)
    {
        var plant = catalog.Plants.GetValueOrDefault(plantId) ?? new Plant(plantId, "", [], []);
        var deadline = neededBy < now ? now : neededBy;
        var neededOn = DateOnly.FromDateTime(deadline.UtcDateTime);
        var candidates = new List<Candidate>();
        var possible = new List<PossibleSource>();
        foreach (var (warehouseId, slots) in pool.Of(line.Material))
        {
            var warehouse = catalog.Warehouses.GetValueOrDefault(warehouseId);
            var (tier, route) = Tier(warehouse, warehouseId, plant);
            if (tier < 0)
            {
                continue;
            }

            var usable = new List<StockPool.Slot>();
            var free = 0m;
            foreach (var slot in slots)
            {
                if (slot.Remaining > 0m && SourcingRules.Counts(slot.Lot with { Quantity = slot.Remaining }, warehouse, plant, neededOn)
                    && InRequiredUnit(slot, line) is { } quantity)
                {
                    usable.Add(slot);
                    free += quantity;
                }
            }

            if (free <= 0m)
            {
                continue;
            }

            var arrives = now + (route?.LeadTime ?? TimeSpan.Zero);
            if (arrives > deadline)
            {
                possible.Add(new PossibleSource(warehouseId, UnitMath.Normalize(free), line.Unit, arrives,
                    $"{warehouseId}: {Format(free)} {line.Unit}, lead time {Hours(route!.LeadTime)} > needed-by "
                    + (neededBy < now ? "already passed" : Hours(neededBy - now))));
                continue;
            }

            candidates.Add(new Candidate(warehouseId, tier, route, arrives, usable, free));
        }

        candidates.Sort((a, b) => a.Tier != b.Tier ? a.Tier.CompareTo(b.Tier)
            : (a.Route?.Cost ?? 0m) != (b.Route?.Cost ?? 0m) ? (a.Route?.Cost ?? 0m).CompareTo(b.Route?.Cost ?? 0m)
            : a.ArrivesAt != b.ArrivesAt ? a.ArrivesAt.CompareTo(b.ArrivesAt)
            : string.CompareOrdinal(a.Warehouse, b.Warehouse));

        var remaining = line.Quantity;
        var sourced = new List<SourcedQuantity>();
        var reasons = new List<string>();
        var shortAt = new List<string>();
        var used = new bool[candidates.Count];
        while (remaining > 0m)
        {
            var pick = NextCandidate(candidates, used, remaining);
            if (pick < 0)
            {
                break;
            }

            used[pick] = true;
            var candidate = candidates[pick];
            var before = remaining;
            remaining = Take(candidate, line, remaining, sourced);
            var reason = $"{candidate.Warehouse}: {Format(before - remaining)} of {Format(line.Quantity)} {line.Unit}";
            if (shortAt.Count > 0)
            {
                reason += $", {string.Join(", ", shortAt)} short by {Format(before)}";
            }

            reasons.Add(reason + Why(candidate, plant, now, deadline));
            shortAt.Add(candidate.Warehouse);
        }

        if (remaining > 0m)
        {
            reasons.Add($"short by {Format(remaining)} {line.Unit}" + (possible.Count > 0 ? "; could come from " + string.Join("; ", possible.Select(p => p.Reason)) : ""));
        }

        return new SourcingDecision(line.Material, line.Quantity, line.Unit, sourced, reasons, UnitMath.Normalize(remaining), possible);
    }

    /// <summary>The first unused candidate of the best tier left that covers what remains, else the first unused one.</summary>
    private static int NextCandidate(List<Candidate> candidates, bool[] used, decimal remaining)
    {
        var first = -1;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (used[i])
            {
                continue;
            }

            if (first >= 0 && candidates[i].Tier != candidates[first].Tier)
            {
                break;
            }

            if (first < 0)
            {
                first = i;
            }

            if (candidates[i].Free >= remaining)
            {
                return i;
            }
        }

        return first;
    }

    private decimal Take(Candidate candidate, MaterialLine line, decimal remaining, List<SourcedQuantity> sourced)
    {
        foreach (var slot in candidate.Slots)
        {
            if (remaining <= 0m)
            {
                break;
            }

            var free = InRequiredUnit(slot, line)!.Value;
            var take = Math.Min(free, remaining);
            decimal stockTaken;
            if (take == free)
            {
                stockTaken = slot.Remaining;
            }
            else
            {
                UnitMath.TryConvert(_units, line.Material, take, line.Unit, slot.Lot.Unit, out var inStockUnit);
                stockTaken = Math.Min(slot.Remaining, UnitMath.PickQuantity(inStockUnit, slot.Lot.Unit));
            }

            slot.Remaining -= stockTaken;
            remaining -= take;
            if (remaining <= UnitMath.Tolerance)
            {
                remaining = 0m;
            }

            sourced.Add(new SourcedQuantity(candidate.Warehouse, slot.Lot.Lot, slot.Lot.Location, UnitMath.Normalize(take), UnitMath.Normalize(stockTaken),
                slot.Lot.Unit, candidate.ArrivesAt, candidate.Tier >= 2));
        }

        return remaining;
    }

    private decimal? InRequiredUnit(StockPool.Slot slot, MaterialLine line)
    {
        if (string.Equals(slot.Lot.Unit, line.Unit, StringComparison.OrdinalIgnoreCase))
        {
            return slot.Remaining;
        }

        return UnitMath.TryConvert(_units, line.Material, slot.Remaining, slot.Lot.Unit, line.Unit, out var converted) ? converted : null;
    }

    /// <summary>0 the plant's own warehouse, 1 another warehouse of its site, 2 another site with a route, -1 unreachable.</summary>
    private (int Tier, TransferRoute? Route) Tier(Warehouse? warehouse, string warehouseId, Plant plant)
    {
        if (!catalog.Plants.ContainsKey(plant.Id))
        {
            // Without master data for the plant every warehouse counts as its own (Bridge before warehouses.yaml).
            return (0, null);
        }

        if (warehouse is null)
        {
            return (-1, null);
        }

        if (warehouse.Plants.Contains(plant.Id, StringComparer.Ordinal))
        {
            return (0, null);
        }

        var route = catalog.Route(warehouse.Site, plant.Site);
        return route is null ? (-1, null) : (warehouse.Site == plant.Site ? 1 : 2, route);
    }

    private static string Why(Candidate candidate, Plant plant, DateTimeOffset now, DateTimeOffset neededBy) => candidate.Tier switch
    {
        0 => $", own warehouse of {plant.Id}",
        1 => $", same site {plant.Site}",
        _ => $", lead time {Hours(candidate.Route!.LeadTime)} ≤ needed-by {Hours(neededBy - now)}, cost {Format(candidate.Route.Cost)}",
    };

    private static string Hours(TimeSpan span) => span.TotalHours.ToString("0.##", CultureInfo.InvariantCulture) + " h";

    private static string Format(decimal value) => UnitMath.Normalize(value).ToString(CultureInfo.InvariantCulture);

    private sealed record Candidate(string Warehouse, int Tier, TransferRoute? Route, DateTimeOffset ArrivesAt, List<StockPool.Slot> Slots, decimal Free);
}

using System.Buffers;
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
/// are late. One instance serves one check at a time (it remembers how each plant reaches each warehouse); the reasons
/// are written out only when read.
/// </summary>
public sealed class SourcingService(WarehouseCatalog catalog, IUnitConverter? units = null)
{
    private readonly IUnitConverter _units = units ?? StandardUnitConverter.Instance;
    private readonly Dictionary<string, PlantReach> _plants = new(StringComparer.Ordinal);

    public SourcingDecision Source(StockPool pool, MaterialLine line, string plantId, DateTimeOffset now, DateTimeOffset neededBy)
    {
        var reach = ReachOf(plantId);
        var deadline = neededBy < now ? now : neededBy;
        var neededOn = DateOnly.FromDateTime(deadline.UtcDateTime).DayNumber;
        var stock = pool.Of(line.Material, out var remainingOf);
        List<PossibleSource>? possible = null;
        var candidates = ArrayPool<Candidate>.Shared.Rent(stock?.Warehouses.Length ?? 0);
        try
        {
            var count = 0;
            for (var g = 0; stock is not null && g < stock.Warehouses.Length; g++)
            {
                var group = stock.Warehouses[g];
                var way = reach.Of(group.Warehouse);
                if (way.Tier < 0)
                {
                    continue;
                }

                var free = 0m;
                for (var i = group.Start; i < group.End; i++)
                {
                    if (Usable(stock, remainingOf, i, line, reach, way, neededOn) is { } quantity)
                    {
                        free += quantity;
                    }
                }

                if (free <= 0m)
                {
                    continue;
                }

                var arrives = now + (way.Route?.LeadTime ?? TimeSpan.Zero);
                if (arrives > deadline)
                {
                    (possible ??= []).Add(new PossibleSource(group.Warehouse, UnitMath.Normalize(free), line.Unit, arrives,
                        $"{group.Warehouse}: {SourcingReasons.Format(free)} {line.Unit}, lead time {SourcingReasons.Hours(way.Route!.LeadTime)} > needed-by "
                        + (neededBy < now ? "already passed" : SourcingReasons.Hours(neededBy - now))));
                    continue;
                }

                Insert(candidates, ref count, new Candidate(g, way, arrives, free), stock);
            }

            var remaining = line.Quantity;
            var sourced = new List<SourcedQuantity>();
            var steps = new List<SourcingReasons.Step>(1);
            while (remaining > 0m)
            {
                var pick = NextCandidate(candidates, count, remaining);
                if (pick < 0)
                {
                    break;
                }

                candidates[pick].Used = true;
                var candidate = candidates[pick];
                var before = remaining;
                remaining = Take(stock!, remainingOf, candidate, line, reach, neededOn, remaining, sourced);
                steps.Add(new SourcingReasons.Step(stock!.Warehouses[candidate.Group].Warehouse, before, remaining, candidate.Way.Tier, candidate.Way.Route));
            }

            IReadOnlyList<PossibleSource> could = possible ?? (IReadOnlyList<PossibleSource>)[];
            return new SourcingDecision(line.Material, line.Quantity, line.Unit, sourced,
                new SourcingReasons(reach.Plant, line, now, deadline, steps, remaining, could), UnitMath.Normalize(remaining), could);
        }
        finally
        {
            ArrayPool<Candidate>.Shared.Return(candidates, clearArray: true);
        }
    }

    private PlantReach ReachOf(string plantId)
    {
        if (!_plants.TryGetValue(plantId, out var reach))
        {
            var known = catalog.Plants.TryGetValue(plantId, out var plant);
            _plants[plantId] = reach = new PlantReach(catalog, plant ?? new Plant(plantId, "", [], []), known);
        }

        return reach;
    }

    /// <summary>What lot <paramref name="i"/> still gives in the line's unit, when it counts for the plant on the day; else null.</summary>
    private decimal? Usable(MaterialStock stock, decimal[] remainingOf, int i, MaterialLine line, PlantReach reach, PlantReach.Way way, int neededOn)
    {
        var remaining = remainingOf[i];
        if (remaining <= 0m || stock.ExpiryDays[i] < neededOn)
        {
            return null;
        }

        var lot = stock.Lots[i];
        if (lot.Owner is null ? !way.MayUseDefaultOwner : !reach.MayUse(lot.Owner))
        {
            return null;
        }

        if (string.Equals(lot.Unit, line.Unit, StringComparison.OrdinalIgnoreCase))
        {
            return remaining;
        }

        return UnitMath.TryConvert(_units, line.Material, remaining, lot.Unit, line.Unit, out var converted) ? converted : null;
    }

    /// <summary>Keeps candidates[0..count) sorted: tier, then cost, then arrival, then warehouse id.</summary>
    private static void Insert(Candidate[] candidates, ref int count, Candidate candidate, MaterialStock stock)
    {
        var at = count;
        while (at > 0 && Compare(candidates[at - 1], candidate, stock) > 0)
        {
            candidates[at] = candidates[at - 1];
            at--;
        }

        candidates[at] = candidate;
        count++;
    }

    private static int Compare(in Candidate a, in Candidate b, MaterialStock stock)
    {
        if (a.Way.Tier != b.Way.Tier)
        {
            return a.Way.Tier.CompareTo(b.Way.Tier);
        }

        var byCost = (a.Way.Route?.Cost ?? 0m).CompareTo(b.Way.Route?.Cost ?? 0m);
        if (byCost != 0)
        {
            return byCost;
        }

        return a.ArrivesAt != b.ArrivesAt ? a.ArrivesAt.CompareTo(b.ArrivesAt)
            : string.CompareOrdinal(stock.Warehouses[a.Group].Warehouse, stock.Warehouses[b.Group].Warehouse);
    }

    /// <summary>The first unused candidate of the best tier left that covers what remains, else the first unused one.</summary>
    private static int NextCandidate(Candidate[] candidates, int count, decimal remaining)
    {
        var first = -1;
        for (var i = 0; i < count; i++)
        {
            if (candidates[i].Used)
            {
                continue;
            }

            if (first >= 0 && candidates[i].Way.Tier != candidates[first].Way.Tier)
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

    private decimal Take(MaterialStock stock, decimal[] remainingOf, in Candidate candidate, MaterialLine line, PlantReach reach, int neededOn,
        decimal remaining, List<SourcedQuantity> sourced)
    {
        var group = stock.Warehouses[candidate.Group];
        for (var i = group.Start; i < group.End && remaining > 0m; i++)
        {
            if (Usable(stock, remainingOf, i, line, reach, candidate.Way, neededOn) is not { } free)
            {
                continue;
            }

            var lot = stock.Lots[i];
            var take = Math.Min(free, remaining);
            decimal stockTaken;
            if (take == free)
            {
                stockTaken = remainingOf[i];
            }
            else
            {
                UnitMath.TryConvert(_units, line.Material, take, line.Unit, lot.Unit, out var inStockUnit);
                stockTaken = Math.Min(remainingOf[i], UnitMath.PickQuantity(inStockUnit, lot.Unit));
            }

            remainingOf[i] -= stockTaken;
            remaining -= take;
            if (remaining <= UnitMath.Tolerance)
            {
                remaining = 0m;
            }

            sourced.Add(new SourcedQuantity(group.Warehouse, lot.Lot, lot.Location, UnitMath.Normalize(take), UnitMath.Normalize(stockTaken),
                lot.Unit, candidate.ArrivesAt, candidate.Way.Tier >= 2));
        }

        return remaining;
    }

    /// <summary>A warehouse that can serve the line in time: its group of lots, how the plant reaches it, what it has free.</summary>
    private struct Candidate(int group, PlantReach.Way way, DateTimeOffset arrivesAt, decimal free)
    {
        public readonly int Group = group;
        public readonly PlantReach.Way Way = way;
        public readonly DateTimeOffset ArrivesAt = arrivesAt;
        public readonly decimal Free = free;
        public bool Used;
    }
}

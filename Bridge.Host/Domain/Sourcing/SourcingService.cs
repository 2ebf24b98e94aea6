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
        var slack = deadline - now;
        var neededOn = DateOnly.FromDateTime(deadline.UtcDateTime).DayNumber;
        var stock = pool.Of(line.Material, out var remainingOf);
        List<PossibleSource>? possible = null;
        var candidates = ArrayPool<Candidate>.Shared.Rent(stock?.Warehouses.Length ?? 0);
        try
        {
            // Warehouses that serve in time, by rank; late ones only listed. What a warehouse has free is worked out
            // when its tier's turn comes: a line its own warehouse covers never looks at the others' lots.
            var count = 0;
            for (var g = 0; stock is not null && g < stock.Warehouses.Length; g++)
            {
                var way = reach.Of(stock.Warehouses[g]);
                if (way.Tier < 0)
                {
                    continue;
                }

                if (way.LeadTime > slack)
                {
                    var free = Free(stock, remainingOf, g, line, reach, way, neededOn);
                    if (free > 0m)
                    {
                        var warehouse = stock.Warehouses[g].Warehouse;
                        (possible ??= []).Add(new PossibleSource(warehouse, UnitMath.Normalize(free), line.Unit, now + way.LeadTime,
                            $"{warehouse}: {SourcingReasons.Format(free)} {line.Unit}, lead time {SourcingReasons.Hours(way.LeadTime)} > needed-by "
                            + (neededBy < now ? "already passed" : SourcingReasons.Hours(neededBy - now))));
                    }

                    continue;
                }

                var at = count++;
                var rank = reach.Known ? way.Rank : g;
                while (at > 0 && candidates[at - 1].Rank > rank)
                {
                    candidates[at] = candidates[at - 1];
                    at--;
                }

                candidates[at] = new Candidate(g, way, rank);
            }

            var remaining = line.Quantity;
            var sourced = new List<SourcedQuantity>();
            var steps = new List<SourcingReasons.Step>(1);
            for (var first = 0; first < count && remaining > 0m;)
            {
                var end = first;
                while (end < count && candidates[end].Way.Tier == candidates[first].Way.Tier)
                {
                    candidates[end].Free = Free(stock!, remainingOf, candidates[end].Group, line, reach, candidates[end].Way, neededOn);
                    end++;
                }

                while (remaining > 0m && NextCandidate(candidates, first, end, remaining) is var pick and >= 0)
                {
                    candidates[pick].Used = true;
                    var candidate = candidates[pick];
                    var before = remaining;
                    remaining = Take(stock!, remainingOf, candidate, line, reach, now, neededOn, remaining, sourced);
                    steps.Add(new SourcingReasons.Step(stock!.Warehouses[candidate.Group].Warehouse, before, remaining, candidate.Way.Tier, candidate.Way.Route));
                }

                first = end;
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

    /// <summary>What the warehouse's lots that count still give, in the line's unit.</summary>
    private decimal Free(MaterialStock stock, decimal[] remainingOf, int group, MaterialLine line, PlantReach reach, PlantReach.Way way, int neededOn)
    {
        var lots = stock.Warehouses[group];
        var free = 0m;
        for (var i = lots.Start; i < lots.End; i++)
        {
            if (Usable(stock, remainingOf, i, line, reach, way, neededOn) is { } quantity)
            {
                free += quantity;
            }
        }

        return free;
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

    /// <summary>Within one tier's candidates [from, to): the first unused one with stock that covers what remains, else the first unused one with stock.</summary>
    private static int NextCandidate(Candidate[] candidates, int from, int to, decimal remaining)
    {
        var first = -1;
        for (var i = from; i < to; i++)
        {
            if (candidates[i].Used || candidates[i].Free <= 0m)
            {
                continue;
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

    private decimal Take(MaterialStock stock, decimal[] remainingOf, in Candidate candidate, MaterialLine line, PlantReach reach, DateTimeOffset now, int neededOn,
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
                lot.Unit, now + candidate.Way.LeadTime, candidate.Way.Tier >= 2));
        }

        return remaining;
    }

    /// <summary>A warehouse that can serve the line in time: its group of lots, how the plant reaches it, its rank; what it has free once its tier's turn comes.</summary>
    private struct Candidate(int group, PlantReach.Way way, int rank)
    {
        public readonly int Group = group;
        public readonly PlantReach.Way Way = way;
        public readonly int Rank = rank;
        public decimal Free;
        public bool Used;
    }
}

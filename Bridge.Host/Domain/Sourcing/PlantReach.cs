namespace Bridge.Host.Domain.Sourcing;

/// <summary>
/// How a plant reaches each warehouse, worked out once per plant and sourcing service instead of once per line: tier 0
/// its own warehouse, 1 another warehouse of its site, 2 another site with a route, -1 unreachable; and the rank in
/// which the warehouses are tried (tier, then cost, then lead time, then id). Which owners' stock it may use.
/// </summary>
internal sealed class PlantReach
{
    private readonly WarehouseCatalog _catalog;
    private readonly HashSet<string> _owners;
    private readonly Dictionary<string, int> _ranks = new(StringComparer.Ordinal);
    private Way?[] _byOrdinal = [];

    public PlantReach(WarehouseCatalog catalog, Plant plant, bool known)
    {
        _catalog = catalog;
        Plant = plant;
        Known = known;
        _owners = new HashSet<string>(plant.Owners.Concat(plant.MayUseOwners), StringComparer.Ordinal);
        if (known)
        {
            var reachable = catalog.Warehouses.Values.Select(w => (w.Id, Way: Work(w.Id, 0))).Where(w => w.Way.Tier >= 0).ToList();
            reachable.Sort((a, b) => a.Way.Tier != b.Way.Tier ? a.Way.Tier.CompareTo(b.Way.Tier)
                : (a.Way.Route?.Cost ?? 0m) != (b.Way.Route?.Cost ?? 0m) ? (a.Way.Route?.Cost ?? 0m).CompareTo(b.Way.Route?.Cost ?? 0m)
                : (a.Way.Route?.LeadTime ?? TimeSpan.Zero) != (b.Way.Route?.LeadTime ?? TimeSpan.Zero)
                    ? (a.Way.Route?.LeadTime ?? TimeSpan.Zero).CompareTo(b.Way.Route?.LeadTime ?? TimeSpan.Zero)
                : string.CompareOrdinal(a.Id, b.Id));
            for (var i = 0; i < reachable.Count; i++)
            {
                _ranks[reachable[i].Id] = i;
            }
        }
    }

    public Plant Plant { get; }

    /// <summary>False: the plant is not in the master data, every warehouse counts as its own, tried in id order.</summary>
    public bool Known { get; }

    public bool MayUse(string owner) => _owners.Contains(owner);

    public Way Of(in MaterialStock.WarehouseLots warehouse)
    {
        if (warehouse.Ordinal >= _byOrdinal.Length)
        {
            Array.Resize(ref _byOrdinal, Math.Max(warehouse.Ordinal + 1, _byOrdinal.Length * 2));
        }

        if (_byOrdinal[warehouse.Ordinal] is { } known)
        {
            return known;
        }

        var way = Work(warehouse.Warehouse, _ranks.GetValueOrDefault(warehouse.Warehouse, int.MaxValue));
        _byOrdinal[warehouse.Ordinal] = way;
        return way;
    }

    private Way Work(string warehouseId, int rank)
    {
        var warehouse = _catalog.Warehouses.GetValueOrDefault(warehouseId);
        // A lot without an owner belongs to the warehouse's default owner (else the plant's own).
        var defaultOwner = warehouse?.Owners.Count > 0 ? warehouse.Owners[0] : Plant.Owners.FirstOrDefault() ?? "";
        var mayUseDefault = MayUse(defaultOwner);
        if (!Known)
        {
            // Without master data for the plant every warehouse counts as its own (Bridge before warehouses.yaml).
            return new Way(0, null, mayUseDefault, rank);
        }

        if (warehouse is null)
        {
            return new Way(-1, null, false, rank);
        }

        if (warehouse.Plants.Contains(Plant.Id, StringComparer.Ordinal))
        {
            return new Way(0, null, mayUseDefault, rank);
        }

        var route = _catalog.Route(warehouse.Site, Plant.Site);
        return route is null ? new Way(-1, null, false, rank) : new Way(warehouse.Site == Plant.Site ? 1 : 2, route, mayUseDefault, rank);
    }

    /// <summary>The plant's way to one warehouse, whether it may use the stock of that warehouse's default owner, and the warehouse's rank among those it reaches.</summary>
    internal readonly record struct Way(int Tier, TransferRoute? Route, bool MayUseDefaultOwner, int Rank)
    {
        public TimeSpan LeadTime => Route?.LeadTime ?? TimeSpan.Zero;
    }
}

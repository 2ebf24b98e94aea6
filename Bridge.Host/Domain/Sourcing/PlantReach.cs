namespace Bridge.Host.Domain.Sourcing;

/// <summary>
/// How a plant reaches each warehouse, worked out once per plant and sourcing service instead of once per line: tier 0
/// its own warehouse, 1 another warehouse of its site, 2 another site with a route, -1 unreachable. Which owners'
/// stock it may use.
/// </summary>
internal sealed class PlantReach(WarehouseCatalog catalog, Plant plant, bool known)
{
    private readonly Dictionary<string, Way> _warehouses = new(StringComparer.Ordinal);
    private readonly HashSet<string> _owners = new(plant.Owners.Concat(plant.MayUseOwners), StringComparer.Ordinal);

    public Plant Plant { get; } = plant;

    public bool MayUse(string owner) => _owners.Contains(owner);

    public Way Of(string warehouseId)
    {
        if (!_warehouses.TryGetValue(warehouseId, out var reach))
        {
            _warehouses[warehouseId] = reach = Work(warehouseId);
        }

        return reach;
    }

    private Way Work(string warehouseId)
    {
        var warehouse = catalog.Warehouses.GetValueOrDefault(warehouseId);
        // A lot without an owner belongs to the warehouse's default owner (else the plant's own).
        var defaultOwner = warehouse?.Owners.Count > 0 ? warehouse.Owners[0] : Plant.Owners.FirstOrDefault() ?? "";
        var mayUseDefault = MayUse(defaultOwner);
        if (!known)
        {
            // Without master data for the plant every warehouse counts as its own (Bridge before warehouses.yaml).
            return new Way(0, null, mayUseDefault);
        }

        if (warehouse is null)
        {
            return new Way(-1, null, false);
        }

        if (warehouse.Plants.Contains(Plant.Id, StringComparer.Ordinal))
        {
            return new Way(0, null, mayUseDefault);
        }

        var route = catalog.Route(warehouse.Site, Plant.Site);
        return route is null ? new Way(-1, null, false) : new Way(warehouse.Site == Plant.Site ? 1 : 2, route, mayUseDefault);
    }

    /// <summary>The plant's way to one warehouse, and whether it may use the stock of that warehouse's default owner.</summary>
    internal readonly record struct Way(int Tier, TransferRoute? Route, bool MayUseDefaultOwner);
}

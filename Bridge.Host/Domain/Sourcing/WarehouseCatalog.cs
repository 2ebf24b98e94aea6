namespace Bridge.Host.Domain.Sourcing;

/// <summary>The warehouses, plants and transfer routes of config/warehouses.yaml. Within one site a transfer costs nothing and takes no time unless a route says otherwise.</summary>
public sealed class WarehouseCatalog(IEnumerable<Plant> plants, IEnumerable<Warehouse> warehouses, IEnumerable<TransferRoute> routes)
{
    public static readonly WarehouseCatalog Empty = new([], [], []);

    private readonly Dictionary<(string, string), TransferRoute> _routes = routes.ToDictionary(r => (r.FromSite, r.ToSite));

    public IReadOnlyDictionary<string, Plant> Plants { get; } = plants.ToDictionary(p => p.Id, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Warehouse> Warehouses { get; } = warehouses.ToDictionary(w => w.Id, StringComparer.Ordinal);

    public IEnumerable<TransferRoute> Routes => _routes.Values;

    public TransferRoute? Route(string fromSite, string toSite) =>
        _routes.TryGetValue((fromSite, toSite), out var route) ? route
        : fromSite == toSite ? new TransferRoute(fromSite, toSite, 0m, TimeSpan.Zero)
        : null;
}

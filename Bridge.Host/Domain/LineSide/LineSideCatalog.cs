namespace Bridge.Host.Domain.LineSide;

/// <summary>The configured line-side locations by id (ordinal, as written in line-side.yaml).</summary>
public sealed class LineSideCatalog(IReadOnlyList<LineSideLocation> locations)
{
    private readonly Dictionary<string, LineSideLocation> _byId = locations.ToDictionary(l => l.Id, StringComparer.Ordinal);

    public static LineSideCatalog Empty { get; } = new([]);

    public IReadOnlyList<LineSideLocation> All { get; } = locations;

    public LineSideLocation? Find(string id) => _byId.GetValueOrDefault(id);
}

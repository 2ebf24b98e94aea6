using Bridge.Contracts.Messages;

namespace Bridge.Host.Domain.Boms;

/// <summary>Published BOMs as one catalog: each publication's components become rows, its unit the material's base unit.</summary>
public static class PublishedBoms
{
    /// <exception cref="BomException">Together they form a cycle.</exception>
    public static BomCatalog ToCatalog(IEnumerable<BomPublished> boms)
    {
        var list = boms.ToList();
        var rows = list.SelectMany(b => b.Components.Select(c => new BomComponent
        {
            Parent = b.Material,
            Component = c.Component,
            QuantityPer = c.QuantityPer,
            Unit = c.Unit,
            ScrapPercent = c.ScrapPercent,
            IsPhantom = c.IsPhantom,
            ValidFrom = c.ValidFrom,
            ValidTo = c.ValidTo,
            Origin = $"BomPublished {b.Material} from {b.Source}",
        }));
        return BomCatalog.Build(rows, list.ToDictionary(b => b.Material, b => b.Unit, StringComparer.Ordinal));
    }
}

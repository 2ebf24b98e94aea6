namespace Bridge.Host.Domain.Boms;

/// <summary>How deep an explosion goes.</summary>
public enum BomScope
{
    /// <summary>Through every component that has a BOM of its own valid on the day: the purchased leaves.</summary>
    Leaves,

    /// <summary>Through phantom rows only: what a kit for this order picks (sub-assemblies made by other orders are picked as they are).</summary>
    Phantoms,
}

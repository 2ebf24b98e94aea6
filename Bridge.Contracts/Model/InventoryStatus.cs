namespace Bridge.Contracts.Model;

/// <summary>Canonical stock status; each WMS's own status words are mapped onto these.</summary>
public enum InventoryStatus
{
    Available,
    Blocked,
    QualityInspection,
    Reserved,
    Expired,
}

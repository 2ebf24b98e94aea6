namespace Bridge.Tests.Orchestration.MaterialRequests.Soak;

/// <summary>One bin of the soak's simulated warehouses (one lot per bin).</summary>
internal sealed record SoakBin(string Warehouse, string Material, string Location)
{
    public const string Lot = "L1";
}

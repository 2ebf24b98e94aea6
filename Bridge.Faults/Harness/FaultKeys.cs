namespace Bridge.Faults.Harness;

/// <summary>The keys every host of a suite run is configured with: each system's X-Api-Key and an administrator's.</summary>
public static class FaultKeys
{
    public const string Administrator = "faults-admin-key";

    public static readonly IReadOnlyDictionary<string, string> Systems = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["erp"] = "faults-erp-key",
        ["mes"] = "faults-mes-key",
        ["wms-a"] = "faults-wms-a-key",
        ["wms-b"] = "faults-wms-b-key",
        ["tms"] = "faults-tms-key",
        ["sensors"] = "faults-sensors-key",
    };
}

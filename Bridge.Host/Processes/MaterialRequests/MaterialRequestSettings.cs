namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>Timeouts and sourcing preferences of the material request saga (section <c>Bridge:MaterialRequests</c>).</summary>
public sealed class MaterialRequestSettings
{
    public const string Section = "Bridge:MaterialRequests";

    /// <summary>How long a request short of material waits for stock before it gives up. Default 30 minutes.</summary>
    public TimeSpan StockWaitTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long the WMS has to confirm a pick order. Default 2 hours.</summary>
    public TimeSpan PickTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>When the job that releases reservations of ended requests runs (cron). Default every 5 minutes.</summary>
    public string ReconciliationCron { get; set; } = "*/5 * * * *";

    /// <summary>How old a reservation must be before the reconciliation job may release it. Default 2 minutes.</summary>
    public TimeSpan ReconciliationGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The needed-by time of a request that names none and whose order has no due time: now plus this. It decides
    /// which transfers from other sites arrive in time. Default 24 hours.
    /// </summary>
    public TimeSpan NeededByWhenUnknown { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Plant → its own warehouses, tried before any other warehouse.</summary>
    public Dictionary<string, string[]> PlantWarehouses { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>A request let go of its reservation; these materials are available to others again.</summary>
public sealed record StockReleased(IReadOnlyList<string> Materials);

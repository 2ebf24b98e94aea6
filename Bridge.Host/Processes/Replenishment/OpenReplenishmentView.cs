namespace Bridge.Host.Processes.Replenishment;

public sealed record OpenReplenishmentView(string ReplenishmentId, string Warehouse, decimal Quantity, decimal Received, int Attempts, DateTimeOffset? Since);

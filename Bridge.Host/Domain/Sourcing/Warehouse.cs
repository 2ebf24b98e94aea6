namespace Bridge.Host.Domain.Sourcing;

/// <summary>A warehouse as master data: its site, the plants it serves, the owners whose stock it keeps (the first is its default).</summary>
public sealed record Warehouse(string Id, string Site, IReadOnlyList<string> Plants, IReadOnlyList<string> Owners);

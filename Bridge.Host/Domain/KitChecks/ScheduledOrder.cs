using Bridge.Contracts.Model;

namespace Bridge.Host.Domain.KitChecks;

/// <summary>An order of the schedule to kit: its plant, when it needs the material, its priority (lower first) and its required lines.</summary>
public sealed record ScheduledOrder(string OrderId, string Plant, DateTimeOffset NeededBy, IReadOnlyList<MaterialLine> Lines, int Priority = 0);

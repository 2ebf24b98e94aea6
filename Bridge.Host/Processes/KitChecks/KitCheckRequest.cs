namespace Bridge.Host.Processes.KitChecks;

/// <summary>
/// Body of <c>POST /api/kit-checks</c>: the orders to check together, or the open schedule — every released order due
/// from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive); ordering "priority" (default) or "due".
/// </summary>
public sealed record KitCheckRequest(IReadOnlyList<KitCheckOrder>? Orders, string? Ordering, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>One order to check: its quantity (default: the released quantity), priority (lower first) and needed-by (default: its due time).</summary>
public sealed record KitCheckOrder(string OrderId, decimal? Quantity, int? Priority, DateTimeOffset? NeededBy);

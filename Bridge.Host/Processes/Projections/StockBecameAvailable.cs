using MassTransit;

namespace Bridge.Host.Processes.Projections;

/// <summary>
/// Fact, published after the stock view committed it: more of these materials can be had than before (a WMS report,
/// a released reservation). Whoever waits for stock decides what that means for it.
/// </summary>
[MessageUrn("bridge:internal:StockBecameAvailable:v1", false)]
[EntityName("bridge.internal.stock-became-available")]
public sealed record StockBecameAvailable(IReadOnlyList<string> Materials);

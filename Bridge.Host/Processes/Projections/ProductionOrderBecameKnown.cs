using MassTransit;

namespace Bridge.Host.Processes.Projections;

/// <summary>Fact, published after the order book committed it: Bridge now knows this production order (and its BOM).</summary>
[MessageUrn("bridge:internal:ProductionOrderBecameKnown:v1", false)]
[EntityName("bridge.internal.production-order-became-known")]
public sealed record ProductionOrderBecameKnown(string OrderId);

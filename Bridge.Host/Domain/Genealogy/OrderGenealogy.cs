namespace Bridge.Host.Domain.Genealogy;

/// <summary>An order's genealogy: what it produced, and which lots went in, from which warehouse and supplier lot (summed per lot).</summary>
public sealed record OrderGenealogy(string OrderId, string? Plant, string Product, IReadOnlyList<ProducedLot> Produced, IReadOnlyList<GenealogyInput> Consumed);

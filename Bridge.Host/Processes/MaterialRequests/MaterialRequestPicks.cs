using Bridge.Contracts.Model;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>Reserved lines as pick orders: one per warehouse, numbered in the order the warehouses first appear.</summary>
public static class MaterialRequestPicks
{
    public static List<PickOrderTrack> Plan(MaterialRequestState state, IEnumerable<MaterialLine> lines) =>
        lines
            .GroupBy(line => line.Warehouse ?? "", StringComparer.Ordinal)
            .Select((group, index) => new PickOrderTrack
            {
                PickOrderId = MaterialRequestIds.PickOrderId(state.CorrelationId, index),
                Warehouse = group.Key,
                Lines = group.ToList(),
            })
            .ToList();
}

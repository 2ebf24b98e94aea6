using Bridge.Contracts.Model;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>Reserved lines as pick orders: one per warehouse, numbered in the order the warehouses first appear.</summary>
public static class MaterialRequestPicks
{
    /// <param name="firstPick">The number of the first pick order (a re-plan adds picks after the earlier ones).</param>
    /// <param name="reservationId">The reservation the picks draw on; empty for the request's own.</param>
    public static List<PickOrderTrack> Plan(MaterialRequestState state, IEnumerable<MaterialLine> lines, int firstPick = 0, string reservationId = "") =>
        lines
            .GroupBy(line => line.Warehouse ?? "", StringComparer.Ordinal)
            .Select((group, index) => new PickOrderTrack
            {
                PickOrderId = MaterialRequestIds.PickOrderId(state.CorrelationId, firstPick + index),
                Warehouse = group.Key,
                ReservationId = reservationId,
                Lines = group.ToList(),
            })
            .ToList();
}

namespace Bridge.Faults.Harness;

/// <summary>What a call to a receiver was, told by its system and path (the shipped outbound mappings' addresses).</summary>
public enum ReceivedKind
{
    /// <summary>wms-a: POST …/pick-lists/{pickOrderId}.</summary>
    PickOrder,

    /// <summary>wms-b: PUT …/import/replenishment/{replenishmentId}.csv.</summary>
    ReplenishmentRequest,

    /// <summary>mes: POST …/material-requests/{requestId}/deliveries.</summary>
    Delivery,

    Other,
}

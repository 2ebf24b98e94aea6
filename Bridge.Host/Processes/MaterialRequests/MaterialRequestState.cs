using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>Stored state of one material request (key: a Guid derived from the MES request id).</summary>
public sealed class MaterialRequestState : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }
    public int Version { get; set; }
    public string CurrentState { get; set; } = "";
    public string RequestId { get; set; } = "";
    public string OrderId { get; set; } = "";
    public string Location { get; set; } = "";
    public string? Line { get; set; }
    public string Requester { get; set; } = "";
    public decimal? OrderQuantity { get; set; }
    /// <summary>When the line needs the material (MES's needed-by); null when MES did not say.</summary>
    public DateTimeOffset? NeededBy { get; set; }
    /// <summary>What the request waits for: its production order's wait key, or the materials it is short of.</summary>
    public List<string> WaitingFor { get; set; } = [];
    public List<MaterialLine> Required { get; set; } = [];
    public List<KitLine> LastKit { get; set; } = [];
    public List<PickOrderTrack> Picks { get; set; } = [];
    public string? FailureReason { get; set; }
    public Guid? StockTimeoutTokenId { get; set; }
    public Guid? PickTimeoutTokenId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<MaterialRequestStep> History { get; set; } = [];

    // Order changes and cancellation (ProductionOrderChanged / ProductionOrderCancelled).
    /// <summary>MES gave the lines itself; an order quantity change does not re-explode them.</summary>
    public bool LinesGiven { get; set; }
    /// <summary>How many times the request was re-planned after an order change (names the next reservation).</summary>
    public int Replans { get; set; }
    // Sourcing across sites (a plant config/warehouses.yaml knows) and the transfers it ordered.
    public string? Plant { get; set; }
    public List<SourcingLine> Sourcing { get; set; } = [];
    /// <summary>Reserved lines at the plant's own site, picked once every transfer has arrived.</summary>
    public List<MaterialLine> LocalLines { get; set; } = [];
    public List<TransferTrack> Transfers { get; set; } = [];
    /// <summary>Source warehouses of failed transfers: not used again. Non-empty once the request has re-sourced (it does so once).</summary>
    public List<string> FailedSources { get; set; } = [];
}

using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Host.Processes.Transfers;

/// <summary>Stored state of one transfer order (key: a Guid derived from the transfer order id).</summary>
public sealed class TransferState : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }
    public int Version { get; set; }
    public string CurrentState { get; set; } = "";
    public string TransferOrderId { get; set; } = "";
    public string RequestId { get; set; } = "";
    public string FromWarehouse { get; set; } = "";
    public string ToWarehouse { get; set; } = "";
    public List<MaterialLine> Lines { get; set; } = [];
    public string? FailureReason { get; set; }
    /// <summary>Why the request no longer needs the transfer; set once, by the first cancellation.</summary>
    public string? CancellationReason { get; set; }
    public Guid? DeliveryTimeoutTokenId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<TransferStep> History { get; set; } = [];
}

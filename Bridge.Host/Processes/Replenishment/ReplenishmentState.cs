using Bridge.Host.Infrastructure.Storage.Sagas;
using MassTransit;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>Stored state of one line-side location's replenishment (key: a Guid derived from the location id).</summary>
public sealed class ReplenishmentState : SagaStateMachineInstance, ISagaVersion, ISagaLoadedForUpdate
{
    public Guid CorrelationId { get; set; }
    public int Version { get; set; }
    public string CurrentState { get; set; } = "";
    public string Location { get; set; } = "";
    /// <summary>The level the projection last told this saga (at a low level or a receipt).</summary>
    public decimal LastKnownQuantity { get; set; }
    /// <summary>How many requests this location has issued: the sequence in the replenishment id.</summary>
    public int Issued { get; set; }
    public string? OpenRequestId { get; set; }
    public string? OpenWarehouse { get; set; }
    public decimal OpenQuantity { get; set; }
    public decimal OpenReceived { get; set; }
    /// <summary>1 after the request, 2 after the one re-request.</summary>
    public int OpenAttempts { get; set; }
    public DateTimeOffset? OpenSince { get; set; }
    /// <summary>Lead time of the location when the request was issued: the timeout's delay.</summary>
    public TimeSpan LeadTime { get; set; }
    /// <summary>Kanban: cards that came back while a request was open, requested when it closes.</summary>
    public int PendingCards { get; set; }
    public Guid? TimeoutTokenId { get; set; }
    /// <summary>Receipts applied lately, by signal id: a redelivered receipt changes nothing.</summary>
    public List<Guid> RecentReceipts { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
    public List<ReplenishmentStep> History { get; set; } = [];
}

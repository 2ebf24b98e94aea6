using MassTransit;

namespace Bridge.Host.Processes.MaterialRequests.Messages;

/// <summary>Internal: stock of a material this request is short of has changed; check the kit again.</summary>
[MessageUrn("bridge:internal:RecheckKit:v1", false)]
[EntityName("bridge.internal.recheck-kit")]
public sealed record RecheckKit(Guid CorrelationId);

using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Host.Processes.Transfers.Messages;

/// <summary>
/// Internal: a material request needs reserved stock moved from <paramref name="FromWarehouse"/> to
/// <paramref name="ToWarehouse"/>. Starts the transfer saga, which then orders it from the TMS, so every status the
/// TMS reports finds the transfer already there.
/// </summary>
[MessageUrn("bridge:internal:TransferRequested:v1", false)]
[EntityName("bridge.internal.transfer-requested")]
public sealed record TransferRequested(string TransferOrderId, string RequestId, string FromWarehouse, string ToWarehouse, IReadOnlyList<MaterialLine> Lines);

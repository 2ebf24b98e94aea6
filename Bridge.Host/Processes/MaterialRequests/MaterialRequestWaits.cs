using Bridge.Host.Domain.KitWaits;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>
/// What a request waits for (its production order, or every material it is short of), in the wait registry that
/// <see cref="KitWakeUpConsumer"/> reads. Registered in the saga's transaction in production.
/// </summary>
public sealed class MaterialRequestWaits(IKitWaitRegistry registry)
{
    /// <summary>The registry key a request waiting for its production order is filed under.</summary>
    public static string OrderWaitKey(string orderId) => "order:" + orderId;

    public async Task WaitForOrderAsync(MaterialRequestState state, CancellationToken ct)
    {
        state.WaitingFor = [OrderWaitKey(state.OrderId)];
        await registry.WaitAsync(state.CorrelationId, state.WaitingFor, ct);
    }

    public async Task<WaitRegistration> WaitForStockAsync(MaterialRequestState state, IReadOnlyList<string> materials, CancellationToken ct)
    {
        var added = materials.Except(state.WaitingFor, StringComparer.Ordinal).ToList();
        state.WaitingFor = materials.ToList();
        await registry.WaitAsync(state.CorrelationId, state.WaitingFor, ct);
        return new WaitRegistration(added);
    }

    public async Task StopAsync(MaterialRequestState state, CancellationToken ct)
    {
        state.WaitingFor = [];
        await registry.RemoveAsync(state.CorrelationId, ct);
    }
}

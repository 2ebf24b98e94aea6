using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Infrastructure.Scheduling;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Host.Infrastructure.Storage.Sagas;
using Bridge.Host.Domain.Stock;
using Bridge.Host.Processes.Projections;
using Microsoft.Extensions.Options;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>
/// The safety net under "a reservation lives and dies with its request": a recurring job (see
/// <see cref="RecurringJobRegistration.AddRecurringJob{TJob}(IServiceCollection, string, string)"/>) releases every reservation whose request is not picking or waiting for a transfer — ended,
/// unknown, or never reserved in a committed state — and reports each one it released. Reservations younger than
/// <see cref="MaterialRequestSettings.ReconciliationGrace"/> are left alone: their request may still be committing.
/// </summary>
public sealed class ReservationReconciler(
    IStockView stock,
    ISagaStateReader<MaterialRequestState> requests,
    IOptions<MaterialRequestSettings> settings,
    TimeProvider time,
    ILogger<ReservationReconciler> logger) : IRecurringJob
{
    public const string JobId = "bridge-reservation-reconciliation";

    // Public, not an explicit interface implementation: Hangfire loads a stored job by its public method.
    public Task RunAsync(CancellationToken ct) => ReconcileAsync(ct);

    public async Task<ReservationReconciliationReport> ReconcileAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - settings.Value.ReconciliationGrace;
        var reservations = await stock.ListReservationsAsync(ct);
        var released = new List<(string, string)>();
        foreach (var reservation in reservations.Where(r => r.CreatedAt <= cutoff))
        {
            MaterialRequestState? request = null;
            foreach (var requestId in MaterialRequestIds.RequestIdsOfReservation(reservation.ReservationId))
            {
                request ??= await requests.FindAsync(MaterialRequestIds.ForRequest(requestId), ct);
            }

            var reason = request switch
            {
                null => "no such material request",
                { CurrentState: "Picking" or "WaitingForTransfer" } => null,
                _ => $"the request is {request.CurrentState}, which holds no stock",
            };
            if (reason is null)
            {
                continue;
            }

            await stock.ReleaseAsync(reservation.ReservationId, ct);
            released.Add((reservation.ReservationId, reason));
            Log.OrphanReservationReleased(logger, reservation.ReservationId, reason);
        }

        Log.ReconciliationDone(logger, reservations.Count, released.Count);
        return new ReservationReconciliationReport(reservations.Count, released);
    }
}

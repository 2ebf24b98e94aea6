using Hangfire;
using Microsoft.Extensions.Options;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>
/// Registers <see cref="ReservationReconciler"/> as a recurring Hangfire job at start (a host without Hangfire, such as
/// MassTransit's test harness, has nothing to register it with).
/// </summary>
public sealed class ReservationReconciliationSchedule(IServiceProvider services, IOptions<MaterialRequestSettings> settings) : IHostedService
{
    public const string JobId = "bridge-reservation-reconciliation";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetService<IRecurringJobManager>()?.AddOrUpdate<ReservationReconciler>(JobId, r => r.RunAsync(CancellationToken.None), settings.Value.ReconciliationCron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Bridge.Host.Infrastructure.Scheduling;
using Bridge.Host.Processes.KitChecks;
using Bridge.Host.Domain.Sourcing;
using Bridge.Host.Processes.MaterialRequests;
using Bridge.Host.Processes.Production;
using Microsoft.Extensions.Options;
using Bridge.Host.Processes.Transfers;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bridge.Host.Composition;

/// <summary>The long-running processes (their settings and the services their state machines call).</summary>
public static class BridgeProcessComposition
{
    public static IServiceCollection AddBridgeProcesses(this IServiceCollection services)
    {
        services.AddOptions<MaterialRequestSettings>().BindConfiguration(MaterialRequestSettings.Section).ValidateOnStart();
        services.AddScoped<MaterialRequestJournal>();
        services.AddScoped<RequestOrder>();
        services.AddScoped<RequirementsResolver>();
        services.AddScoped<KitReservation>();
        services.TryAddSingleton(WarehouseCatalog.Empty);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<RequestSourcing>();
        services.AddScoped<TransferTracker>();
        services.AddScoped<PickTracker>();
        services.AddScoped<MaterialRequestWaits>();
        services.AddScoped<MaterialRequestReports>();
        services.AddScoped<PickReportDeadLetters>();
        services.AddScoped<OrderChangePlanner>();
        services.AddScoped<ReservationReconciler>();
        services.AddRecurringJob<ReservationReconciler>(ReservationReconciler.JobId,
            provider => provider.GetRequiredService<IOptions<MaterialRequestSettings>>().Value.ReconciliationCron);
        services.AddScoped<ScheduleKitCheckService>();
        services.AddSingleton<KitCheckStockCache>();
        services.AddProduction();
        services.AddTransfers();
        return services;
    }
}

using Bridge.Host.Processes.KitChecks;
using Bridge.Host.Domain.Sourcing;
using Bridge.Host.Processes.MaterialRequests;
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
        services.AddScoped<ReservationReconciler>();
        services.AddHostedService<ReservationReconciliationSchedule>();
        services.AddScoped<ScheduleKitCheckService>();
        services.AddTransfers();
        return services;
    }
}

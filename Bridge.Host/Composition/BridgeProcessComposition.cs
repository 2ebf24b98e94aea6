using Bridge.Host.Processes.KitChecks;
using Bridge.Host.Processes.MaterialRequests;
using Bridge.Host.Processes.Production;

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
        services.AddScoped<PickTracker>();
        services.AddScoped<MaterialRequestWaits>();
        services.AddScoped<MaterialRequestReports>();
        services.AddScoped<PickReportDeadLetters>();
        services.AddScoped<OrderChangePlanner>();
        services.AddScoped<ReservationReconciler>();
        services.AddHostedService<ReservationReconciliationSchedule>();
        services.AddScoped<ScheduleKitCheckService>();
        services.AddProduction();
        return services;
    }
}

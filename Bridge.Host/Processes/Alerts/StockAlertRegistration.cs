using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Scheduling;

namespace Bridge.Host.Processes.Alerts;

/// <summary>Stock alerts: <c>alerts.yaml</c> (checked at start) and the recurring check.</summary>
public static class StockAlertRegistration
{
    /// <summary>Loads <c>alerts.yaml</c> from <paramref name="configDirectory"/>; every problem stops the start with file:line:col.</summary>
    public static IServiceCollection AddStockAlerts(this IServiceCollection services, string configDirectory)
    {
        var (settings, errors) = StockAlertsFileLoader.Load(Path.Combine(configDirectory, StockAlertsFileLoader.FileName));
        if (errors.Count > 0)
        {
            throw new InvalidConfigurationException(errors);
        }

        services.AddSingleton(settings);
        services.AddScoped<StockAlertJob>();
        return services.AddRecurringJob<StockAlertJob>(StockAlertJob.JobId, settings.Cron);
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bridge.Host.Processes.Transfers;

/// <summary>The transfer saga's settings and the steps it calls (the state machine itself is added with the other sagas).</summary>
public static class TransferRegistration
{
    public static IServiceCollection AddTransfers(this IServiceCollection services)
    {
        services.AddOptions<TransferSettings>().BindConfiguration(TransferSettings.Section).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<TransferJournal>();
        services.TryAddScoped<TransferArrival>();
        services.TryAddScoped<TransferReports>();
        services.TryAddScoped<TransferReportDeadLetters>();
        return services;
    }
}

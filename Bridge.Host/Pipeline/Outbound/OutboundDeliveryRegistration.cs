namespace Bridge.Host.Pipeline.Outbound;

/// <summary>The outbound side after the bus: the dispatcher, its durable retry schedule, dead-letter replay and the delivery-log cleanup.</summary>
public static class OutboundDeliveryRegistration
{
    public static IServiceCollection AddOutboundDelivery(this IServiceCollection services)
    {
        services.AddOptions<OutboundRetryOptions>().BindConfiguration(OutboundRetryOptions.Section);
        services.AddSingleton<OutboundDispatcher>();
        services.AddSingleton<OutboundRetrySchedule>();
        services.AddTransient<OutboundRetryJob>();
        services.AddTransient<OutboundDeliveryCleanup>();
        services.AddTransient<OutboundDeadLetterReplay>();
        services.AddHostedService<OutboundDeliveryCleanupSchedule>();
        return services;
    }
}

using Hangfire;

namespace Bridge.Host.Infrastructure.Scheduling;

/// <summary>
/// Registers a recurring Hangfire job at start: a host without Hangfire (MassTransit's test harness) has nothing to
/// register it with, and the job is then only run by hand.
/// </summary>
public static class RecurringJobRegistration
{
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string jobId, string cron)
        where TJob : class, IRecurringJob =>
        services.AddRecurringJob<TJob>(jobId, _ => cron);

    /// <param name="cron">Read when the host starts (from bound options, say).</param>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string jobId, Func<IServiceProvider, string> cron)
        where TJob : class, IRecurringJob
    {
        // A factory registration: AddHostedService would keep one schedule per implementation type, not one per job.
        services.AddSingleton<IHostedService>(provider => new Schedule<TJob>(provider, jobId, cron));
        return services;
    }

    private sealed class Schedule<TJob>(IServiceProvider services, string jobId, Func<IServiceProvider, string> cron) : IHostedService
        where TJob : class, IRecurringJob
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetService<IRecurringJobManager>()?.AddOrUpdate<TJob>(jobId, job => job.RunAsync(CancellationToken.None), cron(services));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

namespace Bridge.Host.Infrastructure.Scheduling;

/// <summary>A job Hangfire runs on a cron schedule (registered with <see cref="RecurringJobRegistration.AddRecurringJob{TJob}"/>).</summary>
public interface IRecurringJob
{
    Task RunAsync(CancellationToken ct);
}

using Bridge.Host.Infrastructure.Storage;
using MassTransit;
using Microsoft.Extensions.Hosting;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// Publishes notices a signal batch committed but did not publish (the host stopped in between, or the broker refused):
/// at start, then every <see cref="Interval"/>. Only rows older than <see cref="Age"/> are taken, so a batch publishing
/// its own notices is normally not raced; if it is, the saga's inbox sees the same message id twice and applies it once.
/// </summary>
public sealed class LineSideNoticeRelay(IServiceProvider services, TimeProvider time, ILogger<LineSideNoticeRelay> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan Age = TimeSpan.FromSeconds(5);
    private const int Limit = 500;

    /// <returns>How many notices were published.</returns>
    public async Task<int> RelayOnceAsync(TimeSpan age, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<PostgresUnitOfWork>() is null)
            return 0;
        var outbox = scope.ServiceProvider.GetRequiredService<LineSideNoticeOutbox>();
        var bus = services.GetRequiredService<IBus>();
        var notices = await outbox.LeftOverAsync(age, Limit, ct);
        foreach (var notice in notices)
            await notice.PublishAsync(bus, ct);
        if (notices.Count > 0)
        {
            await outbox.RemoveAsync(notices.Select(n => n.MessageId).ToArray(), ct);
            Log.NoticesRelayed(logger, notices.Count);
        }

        return notices.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            // Embedded mode has no database and publishes notices at once: nothing to relay.
            if (scope.ServiceProvider.GetService<PostgresUnitOfWork>() is null)
                return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await RelayOnceAsync(Age, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.NoticeRelayFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

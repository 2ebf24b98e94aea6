using Npgsql;

namespace Bridge.Host.Infrastructure.Storage;

/// <summary>
/// The loop of a periodic clean-up: runs <c>work</c> at once and then every <c>interval</c> until the host stops; a
/// database error or timeout is handed to <c>failed</c> (to log) and the next interval tries again.
/// </summary>
public static class PeriodicDatabaseWork
{
    public static async Task RunAsync(TimeSpan interval, TimeProvider time, Func<CancellationToken, Task> work, Action<Exception> failed,
        CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            do
            {
                try
                {
                    await work(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException)
                {
                    failed(e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }
}

using MassTransit;
using Microsoft.Extensions.Hosting;

namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>
/// Starts again a receive endpoint MassTransit gave up on. Its transport retries a lost broker, but ends for good on an
/// <see cref="OperationCanceledException"/> while reconnecting (MassTransit issue 5942; the fault suite's R2 met it:
/// RabbitMQ back after two minutes, one outbound queue without a consumer for the rest of the run, nothing logged above
/// Debug). An endpoint that stays unhealthy for <see cref="Patience"/> while other (durable) endpoints are healthy (so the
/// broker is there and reconnecting is over) is stopped and started, which gives it a new transport.
/// </summary>
public sealed class ReceiveEndpointWatchdog(IBusControl bus, TimeProvider time, ILogger<ReceiveEndpointWatchdog> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    /// <summary>Longer than MassTransit's longest wait between reconnect attempts (30 s) and a slow broker's start.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly Dictionary<string, DateTimeOffset> _unhealthySince = new(StringComparer.Ordinal);

    /// <returns>The endpoints started again.</returns>
    public async Task<IReadOnlyList<string>> CheckOnceAsync(CancellationToken ct)
    {
        // The bus's own temporary endpoint is left out: it reports healthy all through a broker outage (R2).
        var endpoints = bus.CheckHealth().Endpoints.Where(e => !IsTemporary(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        foreach (var gone in _unhealthySince.Keys.Where(k => !endpoints.ContainsKey(k)).ToList())
            _unhealthySince.Remove(gone);
        foreach (var (address, health) in endpoints)
        {
            if (health.Status == BusHealthStatus.Healthy)
                _unhealthySince.Remove(address);
            else
                _unhealthySince.TryAdd(address, now);
        }

        // None healthy: the broker is away and MassTransit's own retries are at work.
        if (!endpoints.Values.Any(e => e.Status == BusHealthStatus.Healthy))
            return [];
        var restarted = new List<string>();
        foreach (var (address, since) in _unhealthySince.Where(e => now - e.Value >= Patience).ToList())
        {
            var health = endpoints[address];
            Log.EndpointRestarting(logger, address, now - since, health.Description ?? "");
            try
            {
                await health.ReceiveEndpoint.Stop(ct).ConfigureAwait(false);
                health.ReceiveEndpoint.Start(ct);
                restarted.Add(address);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                Log.EndpointRestartFailed(logger, address, e);
            }

            _unhealthySince[address] = now;
        }

        return restarted;
    }

    private static bool IsTemporary(string address) => address.Contains("temporary=true", StringComparison.OrdinalIgnoreCase);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await CheckOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.EndpointRestartFailed(logger, "(check)", e);
            }
        }
    }
}

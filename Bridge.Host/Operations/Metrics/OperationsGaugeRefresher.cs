using Bridge.Host.Infrastructure.Audit;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Operations.StatusPage;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Host.Processes.MaterialRequests;
using Bridge.Host.Processes.Replenishment;
using Npgsql;

namespace Bridge.Host.Operations.Metrics;

/// <summary>
/// Refreshes <see cref="OperationsGauges"/> at start and then every <c>Bridge:Operations:GaugeInterval</c> (default
/// 15 s). A failed refresh is logged and the last readings stay.
/// </summary>
public sealed class OperationsGaugeRefresher(
    IServiceScopeFactory scopes,
    OperationsGauges gauges,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<OperationsGaugeRefresher> logger) : BackgroundService
{
    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var sagas = new List<(string, string, long)>();
        // Counted in the store: reading the newest 5,000 states every 15 s to count them grew with the table.
        sagas.AddRange(Settled("material-request", await services.GetRequiredService<SagaCensus<MaterialRequestState>>().CountByStateAsync(s => s.CurrentState, ct)));
        sagas.AddRange(Settled("replenishment", await services.GetRequiredService<SagaCensus<ReplenishmentState>>().CountByStateAsync(s => s.CurrentState, ct)));
        // Counted in the store: reading the newest 5,000 letters' reasons every 15 s to count them grew with the table.
        var open = await services.GetRequiredService<IDeadLetterStore>().CountOpenAsync(ct);
        var now = time.GetUtcNow();
        var today = (await services.GetRequiredService<IAuditTrail>().SummarizeDayAsync(DateOnly.FromDateTime(now.UtcDateTime), now, ct))
            .ToDictionary(d => d.System, StringComparer.Ordinal);
        var systems = services.GetRequiredService<SystemsRegistry>().All.Where(s => s.Outbound is not null).ToDictionary(
            s => s.Id,
            s => today.GetValueOrDefault(s.Id)?.LastOutbound?.Result switch
            {
                null => SystemHealth.Idle,
                "failed" => SystemHealth.Failing,
                _ => SystemHealth.Ok,
            },
            StringComparer.Ordinal);
        gauges.Update(new GaugeReadings(sagas, open, await OutboxBacklogAsync(services, ct), systems, time.GetUtcNow()));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Bridge:Operations:GaugeInterval", TimeSpan.FromSeconds(15));
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.GaugeRefreshFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static IEnumerable<(string, string, long)> Settled(string saga, IEnumerable<(string State, long Count)> states) =>
        states.Where(s => SagaStates.Settled(s.State)).Select(s => (saga, s.State, s.Count));

    private async Task<long> OutboxBacklogAsync(IServiceProvider services, CancellationToken ct)
    {
        if (BridgeModeSetting.Read(configuration) != BridgeMode.Production)
        {
            return 0; // The embedded mode has no outbox: messages go straight onto the in-memory bus.
        }

        await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            """
            select (select count(*) from bridge_outbox_message)
                 + (select count(*) from bridge_inbound_outbox where sent_at is null and failed_at is null)
            """);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}

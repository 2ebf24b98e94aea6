using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Bridge.Host.Demo;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>
/// MES and WMS A around the host: the WMS confirms every pick list it receives back to Bridge in full (as
/// <see cref="SimulatedWarehouse"/> answers it), and MES notes when each request's delivery arrives.
/// </summary>
internal sealed class SimulatedPlant : IAsyncDisposable
{
    private readonly SimulatedSystems _systems;
    private readonly SimulatedWarehouse _wms = new();
    private readonly Lock _wmsGate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _workers = [];
    private readonly ConcurrentDictionary<string, long> _delivered = new(StringComparer.Ordinal);
    private long _confirmFailures;

    private SimulatedPlant(SimulatedSystems systems) => _systems = systems;

    /// <summary>Stamps the WMS's and MES's stages of each request.</summary>
    public StageClock Clock { get; } = new();

    public Uri BaseUrl => _systems.BaseUrl;

    /// <summary>When (Stopwatch timestamp) each request's delivery reached MES.</summary>
    public IReadOnlyDictionary<string, long> Delivered => _delivered;

    public long ConfirmFailures => Interlocked.Read(ref _confirmFailures);

    public static async Task<SimulatedPlant> StartAsync() => new(await SimulatedSystems.StartAsync("mes", "wms-a"));

    public string Stock(string sku, string bin, string batch, decimal onHand, string uom)
    {
        lock (_wmsGate)
        {
            return _wms.Put(sku, bin, batch, onHand, uom);
        }
    }

    /// <summary>Starts answering: <paramref name="confirmers"/> WMS workers posting confirmations to the host with <paramref name="wmsClient"/>.</summary>
    public void Run(HttpClient wmsClient, int confirmers)
    {
        for (var i = 0; i < confirmers; i++)
        {
            _workers.Add(Task.Run(() => ConfirmAsync(wmsClient)));
        }

        _workers.Add(Task.Run(NoteDeliveriesAsync));
    }

    private async Task ConfirmAsync(HttpClient wms)
    {
        while (!_stop.IsCancellationRequested)
        {
            var pickList = await NextAsync("wms-a");
            if (pickList is null)
            {
                return;
            }

            var pickOrderId = (string?)JsonNode.Parse(pickList.Body)?["pickListRef"] ?? "";
            Clock.MarkPick(pickOrderId, StageClock.Stage.PickListAtWms);
            string confirmation;
            lock (_wmsGate)
            {
                confirmation = _wms.Confirm(pickList.Body).Confirmation;
            }

            Clock.MarkPick(pickOrderId, StageClock.Stage.ConfirmationPosted);
            for (var attempt = 0; attempt < 5; attempt++)
            {
                using var response = await wms.PostAsync("/api/inbound/wms-a/pick-confirmation", new StringContent(confirmation, Encoding.UTF8, "application/json"));
                if (response.IsSuccessStatusCode)
                {
                    Clock.MarkPick(pickOrderId, StageClock.Stage.ConfirmationAccepted);
                    break;
                }

                Interlocked.Increment(ref _confirmFailures);
            }
        }
    }

    private async Task NoteDeliveriesAsync()
    {
        while (await NextAsync("mes") is { } call)
        {
            var segments = call.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length >= 2 && segments[^1] == "deliveries")
            {
                var requestId = Uri.UnescapeDataString(segments[^2]);
                _delivered.TryAdd(requestId, Stopwatch.GetTimestamp());
                Clock.Mark(requestId, StageClock.Stage.DeliveredAtMes);
            }
        }
    }

    private async Task<ReceivedCall?> NextAsync(string system)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                return await _systems.NextAsync(system, TimeSpan.FromSeconds(1));
            }
            catch (TimeoutException)
            {
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
        await _systems.DisposeAsync();
        _stop.Dispose();
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bridge.Faults.Harness;

/// <summary>
/// Fake MES, WMS A and B, ERP and TMS on one loopback Kestrel (<c>/{system}/…</c>). Every call is counted by its
/// <c>Idempotency-Key</c> and its business item (<see cref="BusinessItems"/>) per <see cref="ReceivedKind"/> and answered 200, or 503 while its system is
/// <see cref="SetDown">down</see>. WMS A confirms each new pick list back to Bridge like a real WMS would (to any
/// host in <see cref="ConfirmTo"/> that takes it, retrying while none does), so a material request completes.
/// </summary>
public sealed class Receivers : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<ReceivedKind, ReceiverTally> _tallies = new();
    private readonly ConcurrentDictionary<string, bool> _down = new(StringComparer.Ordinal);
    private readonly Channel<string> _pickLists = Channel.CreateUnbounded<string>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _confirming;
    private long _calls;
    private long _refused;
    private long _confirmed;

    private Receivers(WebApplication app)
    {
        _app = app;
        _confirming = Task.Run(ConfirmPicksAsync);
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The Bridge hosts WMS A confirms picks to; the first that answers 2xx takes the confirmation.</summary>
    public IReadOnlyList<Uri> ConfirmTo { get; set; } = [];

    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Calls answered 503 because their system was down.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public long PicksConfirmed => Interlocked.Read(ref _confirmed);

    public static async Task<Receivers> StartAsync(int port, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receivers = new Receivers(app);
        app.MapMethods("/{system}/{**path}", ["POST", "PUT"], receivers.ReceiveAsync);
        await app.StartAsync(ct);
        receivers.BaseUrl = new Uri(app.Urls.First());
        return receivers;
    }

    public Uri UrlOf(string system) => new(BaseUrl, "/" + system);

    public ReceiverTally Tally(ReceivedKind kind) => _tallies.GetOrAdd(kind, _ => new ReceiverTally());

    /// <summary>Down: every call to the system is answered 503 Service Unavailable until it is up again.</summary>
    public void SetDown(string system, bool down) => _down[system] = down;

    private async Task<IResult> ReceiveAsync(string system, string? path, HttpRequest request)
    {
        Interlocked.Increment(ref _calls);
        if (_down.TryGetValue(system, out var down) && down)
        {
            Interlocked.Increment(ref _refused);
            return Results.StatusCode((int)HttpStatusCode.ServiceUnavailable);
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var segments = (path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (kind, subject) = Classify(system, request.Method, segments);
        var key = request.Headers["Idempotency-Key"].FirstOrDefault() is { Length: > 0 } k ? k : "no-key:" + Guid.NewGuid();
        var isNew = Tally(kind).Add(key, subject, BusinessItems.Of(kind, subject, body));
        if (isNew && kind == ReceivedKind.PickOrder)
        {
            await _pickLists.Writer.WriteAsync(body);
        }

        return Results.Ok();
    }

    private static (ReceivedKind Kind, string Subject) Classify(string system, string method, string[] segments)
    {
        var last = segments.Length > 0 ? segments[^1] : "";
        return system switch
        {
            "wms-a" when segments.Length >= 2 && segments[^2] == "pick-lists" => (ReceivedKind.PickOrder, last),
            "wms-b" when method == "PUT" && segments.Length >= 2 && segments[^2] == "replenishment" =>
                (ReceivedKind.ReplenishmentRequest, last.EndsWith(".csv", StringComparison.Ordinal) ? last[..^4] : last),
            "mes" when last == "deliveries" && segments.Length >= 2 => (ReceivedKind.Delivery, Uri.UnescapeDataString(segments[^2])),
            _ => (ReceivedKind.Other, system + "/" + string.Join('/', segments)),
        };
    }

    private async Task ConfirmPicksAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        try
        {
            await foreach (var pickList in _pickLists.Reader.ReadAllAsync(_stop.Token))
            {
                var confirmation = PickConfirmations.For(pickList);
                for (var attempt = 0; !_stop.IsCancellationRequested; attempt++)
                {
                    var hosts = ConfirmTo;
                    if (hosts.Count > 0 && await TryPostAsync(http, hosts[attempt % hosts.Count], confirmation))
                    {
                        Interlocked.Increment(ref _confirmed);
                        break;
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 * (attempt + 1))), _stop.Token);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> TryPostAsync(HttpClient http, Uri host, string confirmation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host, "/api/inbound/wms-a/pick-confirmation"))
        {
            Content = new StringContent(confirmation, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", FaultKeys.Systems["wms-a"]);
        try
        {
            using var response = await http.SendAsync(request, _stop.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !_stop.IsCancellationRequested)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _pickLists.Writer.TryComplete();
        await _confirming;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stop.Dispose();
    }
}

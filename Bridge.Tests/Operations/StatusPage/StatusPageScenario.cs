using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bridge.Host.Demo;
using Bridge.Mappings;
using Bridge.Tests.Integration;
using Bridge.Tests.Operations.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Operations.StatusPage;

/// <summary>
/// What the status page tests look at: an embedded host that accepted two production orders from the ERP and
/// dead-lettered two payloads of an unknown type (one from the ERP, whose mapping is then added, one from the MES);
/// then, while the page watches, the README's material request from order to confirmed pick.
/// </summary>
internal sealed class StatusPageScenario : IAsyncDisposable
{
    private StatusPageScenario(AuthTestHost host, string fixableId, string keptId)
    {
        Host = host;
        FixableId = fixableId;
        KeptId = keptId;
    }

    public AuthTestHost Host { get; }

    /// <summary>The ERP's dead letter: replayable once <see cref="AddMissingMappingAsync"/> ran.</summary>
    public string FixableId { get; }

    /// <summary>The MES's dead letter: no mapping will ever take it.</summary>
    public string KeptId { get; }

    public const string WmsKey = "auth-wms-a-key";

    /// <summary>The README's material request (samples of config/mappings): order 1004711, 50 pieces at L1-ST03.</summary>
    public const string RequestId = "MR-2026-000123";

    public static async Task<StatusPageScenario> StartAsync()
    {
        var host = await AuthTestHost.StartAsync(new Dictionary<string, string?> { ["Bridge:ApiKeys:wms-a"] = WmsKey });
        using var erp = host.System(AuthTestHost.ErpKey);
        using var mes = host.System(AuthTestHost.MesKey);
        foreach (var order in (string[])["000001009001", "000001009002"])
        {
            (await erp.PostAsync("/api/inbound/erp/production-order", Json(DemoPayloads.ProductionOrder(order, 2)))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        (await erp.PostAsync("/api/inbound/erp/order-v9", Json(DemoPayloads.ProductionOrder("000001009003", 1)))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await mes.PostAsync("/api/inbound/mes/order-v9", Json("{}"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var admin = host.Administrator();
        var fixable = JsonNode.Parse(await admin.GetStringAsync("/api/dead-letters?system=erp"))!.AsArray().Single()!["id"]!.GetValue<string>();
        var kept = JsonNode.Parse(await admin.GetStringAsync("/api/dead-letters?system=mes"))!.AsArray().Single()!["id"]!.GetValue<string>();
        return new StatusPageScenario(host, fixable, kept);
    }

    /// <summary>Adds the ERP's order-v9 mapping and returns once the host has loaded it (no polling, no sleep).</summary>
    public async Task AddMissingMappingAsync()
    {
        var watcher = Host.App.Services.GetRequiredService<MappingSetWatcher>();
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnReloaded(MappingSet set)
        {
            if (Knows(set))
            {
                loaded.TrySetResult();
            }
        }

        watcher.Reloaded += OnReloaded;
        try
        {
            var mappings = Path.Combine(Host.Config, "mappings", "erp");
            File.WriteAllText(Path.Combine(mappings, "order-v9.yaml"), File.ReadAllText(Path.Combine(mappings, "production-order.yaml"))
                .Replace("messageType: production-order", "messageType: order-v9").Replace("name: erp-production-order", "name: erp-order-v9"));
            if (!Knows(watcher.Current))
            {
                await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        finally
        {
            watcher.Reloaded -= OnReloaded;
        }
    }

    /// <summary>
    /// ERP's order, WMS A's stock and MES's request, as the README's curl walk-through posts them; the request only
    /// once the stock view shows the stock, so its kit is complete at the first check.
    /// </summary>
    /// <param name="needBy">MES's needed-by (<c>yyyy-MM-dd HH:mm:ss</c>, Berlin) instead of the sample's.</param>
    public async Task PostMaterialRequestAsync(string? needBy = null)
    {
        using var erp = Host.System(AuthTestHost.ErpKey);
        using var wms = Host.System(WmsKey);
        using var mes = Host.System(AuthTestHost.MesKey);
        (await erp.PostAsync("/api/inbound/erp/production-order", Json(Sample("erp", "production-order.json")))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await wms.PostAsync("/api/inbound/wms-a/inventory", Json(Stock))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        using var admin = Host.Administrator();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (JsonNode.Parse(await admin.GetStringAsync("/api/stock?material=C-420"))!.AsArray().Count == 0)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "WMS A's stock never reached the stock view");
            await Task.Delay(50);
        }

        var request = Sample("mes", "material-request.json");
        if (needBy is not null)
        {
            request = request.Replace("2026-11-22 18:00:00", needBy, StringComparison.Ordinal);
        }

        (await mes.PostAsync("/api/inbound/mes/material-request", Json(request))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    /// <summary>Waits until the request issued its pick order, then confirms that pick as WMS A would.</summary>
    public async Task ConfirmPickAsync()
    {
        using var admin = Host.Administrator();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? pick = null;
        while (pick is null)
        {
            using var response = await admin.GetAsync($"/api/material-requests/{RequestId}");
            var request = response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
            pick = request?["pickOrders"]?.AsArray().Select(p => p?["pickOrderId"]?.GetValue<string>()).FirstOrDefault(p => p is not null);
            if (pick is null)
            {
                DateTime.UtcNow.ShouldBeLessThan(deadline, $"{RequestId} issued no pick order: {request?.ToJsonString() ?? response.StatusCode.ToString()}");
                await Task.Delay(100);
            }
        }

        using var wms = Host.System(WmsKey);
        (await wms.PostAsync("/api/inbound/wms-a/pick-confirmation", Json(Confirmation(pick)))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    internal static string Sample(string system, string file) =>
        File.ReadAllText(Path.Combine(BridgeTestHost.RepositoryConfigDirectory(), "mappings", system, "samples", file));

    private const string Stock = """
        { "feed": "STOCK_CHANGES", "whse": "01", "sentAt": "2026-11-22T13:55:02Z", "changes": [
          { "seq": 1, "sku": "100-A", "batch": "L2611-07", "bin": "A-01-03", "onHand": 500,  "uom": "PCE", "state": "FREE", "changedAt": "2026-11-22T13:54:58Z" },
          { "seq": 2, "sku": "200-A", "batch": "L2610-02", "bin": "B-02-01", "onHand": 10,   "uom": "KGM", "state": "FREE", "changedAt": "2026-11-22T13:54:58Z" },
          { "seq": 3, "sku": "300-B", "batch": "",         "bin": "C-07-11", "onHand": 100,  "uom": "MTR", "state": "FREE", "changedAt": "2026-11-22T13:54:58Z" },
          { "seq": 4, "sku": "410-C", "batch": "L2611-01", "bin": "A-03-02", "onHand": 1000, "uom": "PCE", "state": "FREE", "changedAt": "2026-11-22T13:54:58Z" },
          { "seq": 5, "sku": "420-C", "batch": "L2611-02", "bin": "A-03-03", "onHand": 1000, "uom": "PCE", "state": "FREE", "changedAt": "2026-11-22T13:54:58Z" } ] }
        """;

    private static string Confirmation(string pick) => $$"""
        { "confirmation": { "pickListNo": "PL-1", "ourRef": "{{pick}}", "whse": "01", "completedAt": "2026-11-22T15:41:07Z", "picker": "u0815",
          "positions": [
            { "posNo": 10, "sku": "100-A", "uom": "PCE", "batches": [ { "batch": "L2611-07", "qty": 102,    "fromBin": "A-01-03" } ] },
            { "posNo": 20, "sku": "200-A", "uom": "KGM", "batches": [ { "batch": "L2610-02", "qty": 6.25,   "fromBin": "B-02-01" } ] },
            { "posNo": 30, "sku": "300-B", "uom": "MTR", "batches": [ { "batch": "",         "qty": 38.625, "fromBin": "C-07-11" } ] },
            { "posNo": 40, "sku": "410-C", "uom": "PCE", "batches": [ { "batch": "L2611-01", "qty": 201,    "fromBin": "A-03-02" } ] },
            { "posNo": 50, "sku": "420-C", "uom": "PCE", "batches": [ { "batch": "L2611-02", "qty": 400,    "fromBin": "A-03-03" } ] } ] } }
        """;

    private static bool Knows(MappingSet set) => set.Inbound.Any(m => m.System == "erp" && m.MessageType == "order-v9");

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bridge.Host.Demo;
using Bridge.Mappings;
using Bridge.Tests.Operations.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Operations.StatusPage;

/// <summary>
/// What the status page tests look at: an embedded host that accepted two production orders from the ERP and
/// dead-lettered two payloads of an unknown type (one from the ERP, whose mapping is then added, one from the MES).
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

    public static async Task<StatusPageScenario> StartAsync()
    {
        var host = await AuthTestHost.StartAsync();
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

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    private static bool Knows(MappingSet set) => set.Inbound.Any(m => m.System == "erp" && m.MessageType == "order-v9");

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

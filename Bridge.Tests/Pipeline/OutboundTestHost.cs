using Bridge.Tests.Integration;
using Bridge.Adapters.Envelopes;
using Bridge.Host.Composition;
using Bridge.Host.Pipeline.Outbound;
using Bridge.Tests.Infrastructure;
using Hangfire;
using Hangfire.States;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Pipeline;

/// <summary>
/// A production host (RabbitMQ + PostgreSQL) where MaterialDelivered goes to mes and (in this copy of the config) to
/// wms-a, each through a probe sender; and the means to fire the durable retry schedule's next job now.
/// </summary>
internal static class OutboundTestHost
{
    public static async Task<WebApplication> StartAsync(string config, OutboundProbeSender mes, OutboundProbeSender wms,
        string database, string virtualHost, IReadOnlyList<TimeSpan>? schedule = null)
    {
        PrepareConfig(config);
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Bridge:ConfigDir"] = config,
            ["Bridge:Mode"] = "Production",
            ["Bridge:RabbitMqUri"] = virtualHost,
            ["Bridge:PostgresConnectionString"] = database,
            ["Bridge:JobPollInterval"] = "00:00:00.100",
            ["Bridge:Telemetry:BufferDirectory"] = Directory.CreateTempSubdirectory("bridge-telemetry-").FullName,
            ["Serilog:MinimumLevel:Default"] = "Error",
        };
        // Long waits: a re-attempt runs only when the test fires it.
        var delays = schedule ?? [TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.FromHours(1)];
        for (var i = 0; i < delays.Count; i++)
            settings[$"{OutboundRetryOptions.Section}:Schedule:{i}"] = delays[i].ToString();

        var app = BridgeApplication.Build([], b =>
        {
            b.Configuration.AddInMemoryCollection(TestCredentials.With(settings));
            b.Services.AddKeyedSingleton<IEnvelopeSender>(AdapterKey.For("probe", "mes"), mes);
            b.Services.AddKeyedSingleton<IEnvelopeSender>(AdapterKey.For("probe", "wms"), wms);
        });
        await app.StartAsync();
        return app;
    }

    /// <summary>An embedded host (in-memory bus and stores) with the same routing to the probe senders.</summary>
    public static async Task<WebApplication> StartEmbeddedAsync(string config, OutboundProbeSender mes, OutboundProbeSender wms)
    {
        PrepareConfig(config);
        var app = BridgeApplication.Build([], b =>
        {
            b.Configuration.AddInMemoryCollection(TestCredentials.With(new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["Bridge:ConfigDir"] = config,
                ["Bridge:Mode"] = "Embedded",
                ["Bridge:Mqtt:EmbeddedBroker:Enabled"] = "false",
                ["Serilog:MinimumLevel:Default"] = "Error",
            }));
            b.Services.AddKeyedSingleton<IEnvelopeSender>(AdapterKey.For("probe", "mes"), mes);
            b.Services.AddKeyedSingleton<IEnvelopeSender>(AdapterKey.For("probe", "wms"), wms);
        });
        await app.StartAsync();
        return app;
    }

    /// <summary>Routes mes and wms-a to the probe senders; wms-a also receives MaterialDelivered (two receivers of one message).</summary>
    internal static void PrepareConfig(string config)
    {
        var systems = Path.Combine(config, "systems.yaml");
        var yaml = File.ReadAllText(systems)
            .Replace("send: { adapter: http, instance: default, baseUrl: \"http://127.0.0.1:5091\" }", "send: { adapter: probe, instance: mes }")
            .Replace("send: { adapter: http, instance: default, baseUrl: \"http://127.0.0.1:5092\" }", "send: { adapter: probe, instance: wms }")
            .Replace("receives: [PickOrderIssued, PickOrderCancelled]\n  wms-b", "receives: [PickOrderIssued, PickOrderCancelled, MaterialDelivered]\n  wms-b");
        yaml.ShouldContain("MaterialDelivered]\n  wms-b");
        File.WriteAllText(systems, yaml);
        var mapping = File.ReadAllText(Path.Combine(config, "mappings", "mes", "material-delivered.yaml"))
            .Replace("name: mes-material-delivered", "name: wms-a-material-delivered").Replace("system: mes", "system: wms-a");
        File.WriteAllText(Path.Combine(config, "mappings", "wms-a", "material-delivered.yaml"), mapping);
    }

    /// <summary>
    /// Waits for the re-attempt the host put on the durable schedule, fires it now instead of after its delay, and
    /// waits until it has run. Returns false when no re-attempt was scheduled within the wait.
    /// </summary>
    public static async Task<bool> FireNextRetryAsync(WebApplication app)
    {
        var storage = app.Services.GetRequiredService<JobStorage>();
        var monitoring = storage.GetMonitoringApi();
        string? jobId = null;
        for (var i = 0; i < 200 && jobId is null; i++)
        {
            jobId = monitoring.ScheduledJobs(0, 100)
                .Where(j => j.Value.Job?.Type == typeof(OutboundRetryJob))
                .Select(j => j.Key).FirstOrDefault();
            if (jobId is null)
                await Task.Delay(50);
        }

        if (jobId is null)
            return false;
        app.Services.GetRequiredService<IBackgroundJobClient>().Requeue(jobId).ShouldBeTrue();
        using var connection = storage.GetConnection();
        for (var i = 0; i < 600; i++)
        {
            var state = connection.GetStateData(jobId)?.Name;
            if (state == SucceededState.StateName)
                return true;
            state.ShouldNotBe(FailedState.StateName, $"retry job {jobId} failed");
            await Task.Delay(50);
        }

        throw new TimeoutException($"retry job {jobId} did not finish within 30 s");
    }

    public static async Task WaitForAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 600 && !condition(); i++)
            await Task.Delay(50);
        condition().ShouldBeTrue(what);
    }
}

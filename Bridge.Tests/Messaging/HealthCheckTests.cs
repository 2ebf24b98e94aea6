using Bridge.Host.Infrastructure.Configuration;
using Bridge.Tests.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bridge.Tests.Messaging;

[Collection(HostCollection.Name)]
public sealed class HealthCheckTests
{
    [Fact]
    public async Task EmbeddedHost_ReportsBusStorageAndJobsHealthy_TaggedReady()
    {
        using var host = CounterSagaHost.Build(BridgeMode.Embedded);
        await host.StartAsync();
        // The Hangfire server announces itself in its storage a moment after start: poll briefly.
        var health = host.Services.GetRequiredService<HealthCheckService>();
        var report = await health.CheckHealthAsync(r => r.Tags.Contains("ready"), CancellationToken.None);
        for (var i = 0; i < 100 && report.Status != HealthStatus.Healthy; i++)
        {
            await Task.Delay(50);
            report = await health.CheckHealthAsync(r => r.Tags.Contains("ready"), CancellationToken.None);
        }

        report.Entries.Keys.ShouldBe(["bus", "jobs", "storage"], ignoreOrder: true);
        report.Entries.ShouldAllBe(e => e.Value.Status == HealthStatus.Healthy);
        await host.StopAsync();

        var stopped = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(CancellationToken.None);
        stopped.Entries["bus"].Status.ShouldNotBe(HealthStatus.Healthy);
    }
}

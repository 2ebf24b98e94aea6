using System.Net;
using System.Text;
using Bridge.Host.Demo;
using Bridge.Tests.Operations.Auth;

namespace Bridge.Tests.Operations;

/// <summary><c>/metrics</c> (operators only) counts messages in per system, type and result, and mapping failures, after traffic.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_CountMessagesAndMappingFailures_AfterTraffic()
    {
        await using var host = await AuthTestHost.StartAsync();
        using var erp = host.System(AuthTestHost.ErpKey);
        (await erp.PostAsync("/api/inbound/erp/production-order", new StringContent(DemoPayloads.ProductionOrder("000001007001", 5), Encoding.UTF8, "application/json")))
            .StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await erp.PostAsync("/api/inbound/erp/production-order", new StringContent("""{"not":"an order"}""", Encoding.UTF8, "application/json")))
            .StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        using var reader = host.Operator();
        var text = await reader.GetStringAsync("/metrics");

        text.ShouldContain("bridge_messages_in_total{");
        text.Split('\n').ShouldContain(l => l.StartsWith("bridge_messages_in_total{", StringComparison.Ordinal)
            && l.Contains("system=\"erp\"", StringComparison.Ordinal) && l.Contains("result=\"accepted\"", StringComparison.Ordinal));
        text.Split('\n').ShouldContain(l => l.StartsWith("bridge_mapping_failures_total{", StringComparison.Ordinal) && l.Contains("system=\"erp\"", StringComparison.Ordinal));
        using var system = await erp.GetAsync("/metrics");
        system.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Bridge.Adapters.Envelopes;
using Bridge.Tests.Operations.Auth;
using Bridge.Tests.Operations.StatusPage;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Bridge.Tests.Operations.Tracing;

/// <summary>
/// One trace from an adapter without HTTP (an MQTT reading here) through the bus and the consumer to the outbound
/// call: the ingest span Bridge starts is the parent the bus carries on, and the call to the MES shares its trace id.
/// </summary>
public sealed class MessageTraceTests
{
    [Fact]
    public async Task KitCheckRequestFromMqtt_AndTheKitCheckedCallToMes_AreOneTrace()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Bridge" or "MassTransit" or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var scenario = await StatusPageScenario.StartAsync();
        using var erp = scenario.Host.System(AuthTestHost.ErpKey);
        var order = StatusPageScenario.Sample("erp", "production-order.json");
        (await erp.PostAsync("/api/inbound/erp/production-order", new StringContent(order, Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var sink = scenario.Host.App.Services.GetRequiredService<IEnvelopeSink>();
        var body = """{ "checkNo": "KC-TRACE-1", "prodOrder": "1004711", "qty": 50, "createdAt": "2026-11-22 14:05:00" }"""u8.ToArray();

        var receipt = await sink.AcceptAsync(new InboundEnvelope("mqtt", "mes", "kit-check-request", "application/json", body, new Dictionary<string, string>()), CancellationToken.None);

        receipt.Accepted.ShouldBeTrue(receipt.Reason);
        var ingest = stopped.Single(a => a.OperationName == "bridge.ingest" && (string?)a.GetTagItem("bridge.message_type") == "kit-check-request");
        ((string?)ingest.GetTagItem("bridge.adapter")).ShouldBe("mqtt");
        ingest.Parent.ShouldBeNull();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!stopped.Any(a => a.Source.Name == "System.Net.Http" && a.TraceId == ingest.TraceId) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var call = stopped.FirstOrDefault(a => a.Source.Name == "System.Net.Http" && a.TraceId == ingest.TraceId);
        call.ShouldNotBeNull(string.Join("\n", stopped.Where(a => a.TraceId == ingest.TraceId).Select(a => $"{a.Source.Name} {a.OperationName}")));
        stopped.ShouldContain(a => a.Source.Name == "MassTransit" && a.TraceId == ingest.TraceId);
        stopped.Where(a => a.TraceId == ingest.TraceId).ShouldContain(a => (string?)a.GetTagItem("bridge.correlation_id") == "KC-TRACE-1");
    }

    [Fact]
    public async Task OtlpEndpointConfigured_TracesReachTheCollector_OverHttpProtobuf()
    {
        var port = FreePort();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        await using var host = await AuthTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bridge:Telemetry:OtlpEndpoint"] = $"http://127.0.0.1:{port}/v1/traces",
        });
        host.App.Services.GetService<TracerProvider>().ShouldNotBeNull("a collector takes the spans");
        using var erp = host.System(AuthTestHost.ErpKey);
        var order = StatusPageScenario.Sample("erp", "production-order.json");
        (await erp.PostAsync("/api/inbound/erp/production-order", new StringContent(order, Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        // The exporter sends a batch every few seconds; read batches until one carries the ingest span.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new List<string>();
        while (true)
        {
            var context = await collector.GetContextAsync().WaitAsync(timeout.Token);
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body, timeout.Token);
            seen.Add($"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath} {context.Request.ContentType}");
            context.Response.StatusCode = 200;
            context.Response.Close();
            if (Encoding.UTF8.GetString(body.ToArray()).Contains("bridge.ingest", StringComparison.Ordinal))
            {
                break;
            }
        }

        seen[^1].ShouldBe("POST /v1/traces application/x-protobuf");
    }

    /// <summary>
    /// A trace provider with no exporter recorded every span all the same (a dozen activities with their tags per material
    /// request, in the material benchmark), for nobody. The metrics stay: <c>/metrics</c> is served without a collector.
    /// </summary>
    [Fact]
    public async Task NoOtlpEndpoint_NoTraceProviderRecordsSpans_AndTheMetricsAreServed()
    {
        await using var host = await AuthTestHost.StartAsync();

        host.App.Services.GetService<TracerProvider>().ShouldBeNull("nothing would export the spans");
        host.App.Services.GetService<MeterProvider>().ShouldNotBeNull("the metrics do not need a collector");
    }

    [Fact]
    public async Task OtlpEndpointThatIsNoUrl_StopsTheStart_NamingTheSetting()
    {
        var error = await Should.ThrowAsync<Exception>(() => AuthTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bridge:Telemetry:OtlpEndpoint"] = "collector:4318",
        }));

        error.ToString().ShouldContain("Bridge:Telemetry:OtlpEndpoint 'collector:4318' is not an http(s) URL");
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

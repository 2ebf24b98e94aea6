using System.Text;
using Bridge.Adapters.Envelopes;
using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Composition;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Tests.Infrastructure;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Bridge.Tests.Integration;

namespace Bridge.Tests.Pipeline;

/// <summary>The dispatcher sends through the adapter instance a system's <c>send:</c> names, not a built-in HTTP one.</summary>
public sealed class OutboundAdapterSelectionTests : IDisposable
{
    private readonly string _config = TestConfig.CopyShipped();

    public void Dispose() => Directory.Delete(_config, recursive: true);

    [Fact]
    public async Task SystemSentByAnotherAdapter_GetsTheRenderedEnvelopeThroughThatSender()
    {
        BindMesTo("send: { adapter: probe, instance: line-1 }");
        var probe = new RecordingSender();
        var app = Build(services => services.AddKeyedSingleton<IEnvelopeSender>(AdapterKey.For("probe", "line-1"), probe));
        await using var _ = app;
        await app.StartAsync();
        var delivered = new MaterialDelivered
        {
            MessageId = Guid.NewGuid(),
            CorrelationId = "MR-77",
            Source = "test",
            OccurredAt = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero),
            RequestId = "MR-77",
            OrderId = "PO-1",
            Location = "ST-1",
            Lines = [new MaterialLine { Material = "M-1", Quantity = 2, Unit = "pce" }],
        };

        await app.Services.GetRequiredService<IBus>().Publish(delivered);
        var envelope = await probe.Received.Task.WaitAsync(TimeSpan.FromSeconds(20));

        envelope.System.ShouldBe("mes");
        envelope.Address.ShouldBe("/mes/api/material-requests/MR-77/deliveries");
        envelope.IdempotencyKey.ShouldBe($"{delivered.MessageId:N}-mes");
        var body = Encoding.UTF8.GetString(envelope.Body.Span);
        body.ShouldContain("\"reqNo\":\"MR-77\"");
        body.ShouldContain("\"partNo\":\"M-1\"");
        await app.StopAsync();
    }

    [Fact]
    public void SystemSentByAnUnregisteredAdapter_StopsTheStartNamingTheBinding()
    {
        BindMesTo("send: { adapter: probe, instance: nowhere }");

        var error = Should.Throw<InvalidConfigurationException>(() => Build(_ => { }));

        var problem = error.Problems.ShouldHaveSingleItem();
        problem.ShouldStartWith(Path.Combine(_config, "systems.yaml") + ":");
        problem.ShouldContain("system 'mes': send adapter 'probe:nowhere' is not registered");
    }

    private void BindMesTo(string binding)
    {
        var path = Path.Combine(_config, "systems.yaml");
        var yaml = File.ReadAllText(path);
        var shipped = "send: { adapter: http, instance: default, baseUrl: \"http://127.0.0.1:5091\" }";
        yaml.ShouldContain(shipped);
        File.WriteAllText(path, yaml.Replace(shipped, binding));
    }

    private WebApplication Build(Action<IServiceCollection> register) =>
        BridgeApplication.Build([], b =>
        {
            b.Configuration.AddInMemoryCollection(TestCredentials.With(new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["Bridge:ConfigDir"] = _config,
                ["Serilog:MinimumLevel:Default"] = "Error",
            }));
            register(b.Services);
        });

    private sealed class RecordingSender : IEnvelopeSender
    {
        public TaskCompletionSource<OutboundEnvelope> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task SendAsync(OutboundEnvelope envelope, CancellationToken ct)
        {
            Received.TrySetResult(envelope);
            return Task.CompletedTask;
        }
    }
}

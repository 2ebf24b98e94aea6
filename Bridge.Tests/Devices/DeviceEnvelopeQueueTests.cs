using System.Text;
using Bridge.Adapters.Envelopes;
using Bridge.Adapters.OpcUa;

namespace Bridge.Tests.Devices;

/// <summary>Issue 13 point 13: a device's queue is bounded; when the pipeline does not keep up the oldest value goes, counted and reported.</summary>
public sealed class DeviceEnvelopeQueueTests
{
    [Fact]
    public async Task FullQueue_DropsTheOldestValue_CountsAndReportsEachDrop_AndKeepsTheNewest()
    {
        var reported = new List<(string Body, long Total)>();
        var queue = new DeviceEnvelopeQueue(3, (envelope, total) => reported.Add((Encoding.UTF8.GetString(envelope.Body.Span), total)));

        for (var value = 1; value <= 5; value++)
            queue.Add(Value(value));
        queue.Complete();

        queue.Dropped.ShouldBe(2);
        reported.ShouldBe([("1", 1L), ("2", 2L)]);
        var kept = new List<string>();
        await foreach (var envelope in queue.ReadAllAsync(CancellationToken.None))
            kept.Add(Encoding.UTF8.GetString(envelope.Body.Span));
        kept.ShouldBe(["3", "4", "5"], "the newest values, in order");
    }

    [Fact]
    public void DeviceOptions_DefaultToTenThousandWaitingValues() =>
        new OpcUaAdapterOptions().QueueCapacity.ShouldBe(10_000);

    private static InboundEnvelope Value(int value) =>
        new("opcua", "line-1", "MachineState", "text/plain", Encoding.UTF8.GetBytes(value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Dictionary<string, string>());
}

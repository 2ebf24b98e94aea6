using System.Diagnostics;
using System.Diagnostics.Metrics;
using Bridge.Host.Infrastructure.Telemetry;

namespace Bridge.Host.Domain.LineSide;

/// <summary>
/// Where a batch of line-side signals spends its time, stage by stage (meter <c>Bridge</c>, exported on <c>/metrics</c>):
/// <c>bridge.line_side.stage.duration</c> per batch and stage, <c>bridge.line_side.batch.signals</c> per batch. The
/// replenishment benchmark adds them up to show which stage limits the rate.
/// </summary>
public static class LineSideStageMetrics
{
    public const string StageInstrument = "bridge.line_side.stage.duration";
    public const string BatchInstrument = "bridge.line_side.batch.signals";

    /// <summary>
    /// Turning the received messages into located signals (MassTransit has deserialized them already, or the raw consumer
    /// does it as each delivery arrives, while the previous batch commits).
    /// </summary>
    public const string Read = "read";
    /// <summary>Reading the rows of locations not yet held in memory (creating the missing ones).</summary>
    public const string Lock = "lock";
    /// <summary>The level rules applied to every signal in memory.</summary>
    public const string Apply = "apply";
    /// <summary>One update for every changed row.</summary>
    public const string Write = "write";
    /// <summary>Storing the saga's notices with the batch.</summary>
    public const string Notices = "notices";
    public const string Commit = "commit";
    /// <summary>Publishing the notices after the commit and removing their rows (the raw consumer does it while the next batch commits).</summary>
    public const string Publish = "publish";
    /// <summary>Acknowledging the batch's deliveries to the broker.</summary>
    public const string Ack = "ack";

    private static readonly Meter Meter = new(BridgeMetrics.Name);
    private static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>(StageInstrument, "ms", "Time one line-side signal batch spent in a stage");
    private static readonly Histogram<int> BatchSignals = Meter.CreateHistogram<int>(BatchInstrument, "{signal}", "Signals in one line-side batch");

    /// <summary>Records the stage that began at <paramref name="started"/> (a <see cref="Stopwatch"/> timestamp); returns now, where the next stage begins.</summary>
    public static long Stage(string stage, long started)
    {
        var now = Stopwatch.GetTimestamp();
        if (StageDuration.Enabled)
            StageDuration.Record(Stopwatch.GetElapsedTime(started, now).TotalMilliseconds, new KeyValuePair<string, object?>("stage", stage));
        return now;
    }

    /// <summary>Records a stage's time measured elsewhere, in <see cref="Stopwatch"/> ticks (the decoding of a batch's deliveries, done as they arrived).</summary>
    public static void Record(string stage, long ticks)
    {
        if (StageDuration.Enabled)
            StageDuration.Record(ticks * 1000.0 / Stopwatch.Frequency, new KeyValuePair<string, object?>("stage", stage));
    }

    public static void Batch(int signals) => BatchSignals.Record(signals);
}

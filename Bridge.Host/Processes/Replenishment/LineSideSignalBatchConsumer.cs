using System.Diagnostics;
using Bridge.Contracts;
using Bridge.Contracts.Messages;
using Bridge.Host.Domain.LineSide;
using Bridge.Host.Infrastructure.Logging;
using MassTransit;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// The location-state projection in front of the saga, for the many signals: PLC counter deltas and bin readings arrive
/// in batches (<see cref="LineSideSignalBatchConsumerDefinition"/>) and a batch is applied as one unit
/// (<see cref="ILineSideSignalBatch"/>: one transaction, one write per location). Only a fall to the reorder point
/// reaches the saga. A signal Bridge cannot place is a dead letter with the reason.
/// </summary>
public sealed class LineSideSignalBatchConsumer(
    LineSideSignalReader reader, ILineSideSignalBatch batch, LineSideDeadLetters deadLetters, ILogger<LineSideSignalBatchConsumer> logger) :
    IConsumer<Batch<LineSideConsumptionReported>>, IConsumer<Batch<BinLevelReported>>
{
    public Task Consume(ConsumeContext<Batch<LineSideConsumptionReported>> context) =>
        ApplyAsync(context, context.Message.Select(m => (m.Message, m.Message.Location, reader.Read(m.Message))));

    public Task Consume(ConsumeContext<Batch<BinLevelReported>> context) =>
        ApplyAsync(context, context.Message.Select(m => (m.Message, m.Message.Location, reader.Read(m.Message))));

    private async Task ApplyAsync<T>(ConsumeContext<Batch<T>> context, IEnumerable<(T Message, string Location, SignalReading Reading)> readings)
        where T : CanonicalMessage
    {
        var ct = context.CancellationToken;
        var started = Stopwatch.GetTimestamp();
        var signals = new List<LocatedSignal>();
        foreach (var (message, location, reading) in readings)
        {
            if (reading is SignalReading.Rejected rejected)
                await deadLetters.AddAsync(message, location, rejected.Reason, ct);
            else if (reading is SignalReading.Signal signal)
                signals.Add(new LocatedSignal(signal.Location, signal.Value));
        }

        LineSideStageMetrics.Stage(LineSideStageMetrics.Read, started);
        if (signals.Count == 0)
            return;
        var changes = await batch.ApplyAsync(signals, notice => notice.PublishAsync(context, ct), ct);
        for (var i = 0; i < signals.Count; i++)
        {
            var (location, signal) = signals[i];
            var change = changes[i];
            if (change is null || change.Kind != LevelChangeKind.Applied)
                Log.SignalIgnored(logger, typeof(T).Name, signal.MessageId, LogText.Escape(location.Id), change?.Kind.ToString() ?? "consumed before");
            else if (change.BecameLow)
                Log.LevelLow(logger, LogText.Escape(location.Id), change.Level.Quantity, typeof(T).Name, signal.MessageId, LogText.Escape(signal.Source));
        }
    }
}

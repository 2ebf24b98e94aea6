using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Bridge.Contracts.Messages;
using MassTransit;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>
/// Where a request's time goes: stamps each request at every stage the bus and the simulated systems see (post, accepted,
/// published by the relay, saga start/end, pick list at the WMS, confirmation posted/accepted, delivery at MES), then
/// prints the median and p90 of each step over a phase. The plant process keeps its own clock (posts, WMS, MES) and
/// hands its marks over as lines (<see cref="Export"/>, <see cref="Import"/>): Stopwatch timestamps are the machine's
/// monotonic clock, the same in both processes.
/// </summary>
internal sealed class StageClock : IConsumeObserver
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Stage, long>> _byRequest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Stage, long>> _byPick = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _requestOfPick = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _pickOfRequest = new(StringComparer.Ordinal);
    private readonly long _originTimestamp = Stopwatch.GetTimestamp();
    private readonly DateTimeOffset _originTime = TimeProvider.System.GetUtcNow();

    public enum Stage
    {
        Posted,
        Accepted,
        RequestPublished,
        SagaStarted,
        SagaEnded,
        PickListStored,
        PickListAtWms,
        ConfirmationPosted,
        ConfirmationAccepted,
        ConfirmationPublished,
        ConfirmationSagaStarted,
        ConfirmationSagaEnded,
        DeliveryDispatched,
        DeliveredAtMes,
    }

    public void Mark(string requestId, Stage stage) => Mark(requestId, stage, Stopwatch.GetTimestamp());

    /// <summary>A stage of a pick order; counted for its request once the host's bus has said whose it is.</summary>
    public void MarkPick(string pickOrderId, Stage stage) => MarkPick(pickOrderId, stage, Stopwatch.GetTimestamp());

    private void MarkPick(string pickOrderId, Stage stage, long timestamp) =>
        _byPick.GetOrAdd(pickOrderId, _ => new ConcurrentDictionary<Stage, long>()).TryAdd(stage, timestamp);

    private void Mark(string requestId, Stage stage, long timestamp) =>
        _byRequest.GetOrAdd(requestId, _ => new ConcurrentDictionary<Stage, long>()).TryAdd(stage, timestamp);

    private void Relate(string pickOrderId, string requestId)
    {
        _requestOfPick.TryAdd(pickOrderId, requestId);
        _pickOfRequest.TryAdd(requestId, pickOrderId);
    }

    /// <summary>Every mark, one line each: <c>r|p TAB id TAB stage TAB timestamp</c>.</summary>
    public IEnumerable<string> Export()
    {
        foreach (var (id, marks) in _byRequest)
        {
            foreach (var (stage, at) in marks)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"r\t{id}\t{(int)stage}\t{at}");
            }
        }

        foreach (var (id, marks) in _byPick)
        {
            foreach (var (stage, at) in marks)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"p\t{id}\t{(int)stage}\t{at}");
            }
        }
    }

    /// <summary>Takes one line of <see cref="Export"/>; false when the line is not a mark.</summary>
    public bool Import(string line)
    {
        var fields = line.Split('\t');
        if (fields.Length != 4 || !int.TryParse(fields[2], CultureInfo.InvariantCulture, out var stage) || !long.TryParse(fields[3], CultureInfo.InvariantCulture, out var at))
        {
            return false;
        }

        switch (fields[0])
        {
            case "r":
                Mark(fields[1], (Stage)stage, at);
                return true;
            case "p":
                MarkPick(fields[1], (Stage)stage, at);
                return true;
            default:
                return false;
        }
    }

    private bool TryGet(string requestId, Stage stage, out long at)
    {
        at = 0;
        return (_byRequest.TryGetValue(requestId, out var marks) && marks.TryGetValue(stage, out at))
            || (_pickOfRequest.TryGetValue(requestId, out var pick) && _byPick.TryGetValue(pick, out var pickMarks) && pickMarks.TryGetValue(stage, out at));
    }

    private long FromSentTime(DateTime? sent) =>
        sent is { } at
            ? _originTimestamp + (long)((new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) - _originTime).TotalSeconds * Stopwatch.Frequency)
            : Stopwatch.GetTimestamp();

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        switch (context.Message)
        {
            case MaterialRequested requested:
                Mark(requested.RequestId, Stage.RequestPublished, FromSentTime(context.SentTime));
                Mark(requested.RequestId, Stage.SagaStarted);
                break;
            case PickOrderIssued pick:
                Relate(pick.PickOrderId, pick.RequestId);
                Mark(pick.RequestId, Stage.PickListStored, FromSentTime(context.SentTime));
                break;
            case PickConfirmed confirmed when _requestOfPick.TryGetValue(confirmed.PickOrderId, out var requestId):
                Mark(requestId, Stage.ConfirmationPublished, FromSentTime(context.SentTime));
                Mark(requestId, Stage.ConfirmationSagaStarted);
                break;
        }

        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        switch (context.Message)
        {
            case MaterialRequested requested:
                Mark(requested.RequestId, Stage.SagaEnded);
                break;
            case PickConfirmed confirmed:
                if (_requestOfPick.TryGetValue(confirmed.PickOrderId, out var requestOfConfirmation))
                {
                    Mark(requestOfConfirmation, Stage.ConfirmationSagaEnded);
                }

                break;
            case MaterialDelivered delivered when context.ReceiveContext.InputAddress.AbsolutePath.Contains("outbound", StringComparison.Ordinal):
                Mark(delivered.RequestId, Stage.DeliveryDispatched);
                break;
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    /// <summary>
    /// Median and p90 (ms) from the post to each stage, over the given requests. Elapsed since the post, not steps between
    /// neighbours: some stamps are not in causal order (the relay may publish before the client has read the 202; a pick
    /// list is sent inside the saga, before the saga's end is stamped), so a difference of neighbours can come out negative.
    /// </summary>
    public IEnumerable<string> Report(IEnumerable<string> requestIds)
    {
        var ids = requestIds.ToList();
        var stages = Enum.GetValues<Stage>();
        for (var i = 1; i < stages.Length; i++)
        {
            var elapsed = new List<double>();
            foreach (var id in ids)
            {
                if (TryGet(id, Stage.Posted, out var from) && TryGet(id, stages[i], out var to))
                {
                    elapsed.Add(Stopwatch.GetElapsedTime(from, to).TotalMilliseconds);
                }
            }

            elapsed.Sort();
            if (elapsed.Count > 0)
            {
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"      {"Posted → " + stages[i],-48} p50 {At(elapsed, 0.5),7:0.0} ms   p90 {At(elapsed, 0.9),7:0.0} ms   ({elapsed.Count})");
            }
        }
    }

    private static double At(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1))];
}

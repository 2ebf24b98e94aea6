using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Bridge.Contracts.Messages;
using MassTransit;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>
/// Where a request's time goes: stamps each request at every stage the bus and the simulated systems see (post, accepted,
/// published by the relay, saga start/end, pick list at the WMS, confirmation posted/accepted, delivery at MES), then
/// prints the median and p90 of each step over a phase.
/// </summary>
internal sealed class StageClock : IConsumeObserver
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Stage, long>> _byRequest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _requestOfPick = new(StringComparer.Ordinal);
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

    public void MarkPick(string pickOrderId, Stage stage)
    {
        if (_requestOfPick.TryGetValue(pickOrderId, out var requestId))
        {
            Mark(requestId, stage);
        }
    }

    private void Mark(string requestId, Stage stage, long timestamp) =>
        _byRequest.GetOrAdd(requestId, _ => new ConcurrentDictionary<Stage, long>()).TryAdd(stage, timestamp);

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
                _requestOfPick.TryAdd(pick.PickOrderId, pick.RequestId);
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
                MarkPick(confirmed.PickOrderId, Stage.ConfirmationSagaEnded);
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
                if (_byRequest.TryGetValue(id, out var marks) && marks.TryGetValue(Stage.Posted, out var from) && marks.TryGetValue(stages[i], out var to))
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

using System.Diagnostics;
using System.Threading.Channels;
using Bridge.Host.Domain.LineSide;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Logging;
using MassTransit;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// Production: consumes <see cref="LineSideSignalQueue"/> with RabbitMQ.Client instead of MassTransit's receive
/// pipeline. Deliveries are gathered into batches, a batch goes through <see cref="LineSideSignalProjection"/> (one
/// transaction), and only then are its deliveries acknowledged, with one <c>multiple</c> ack: a crash before that
/// redelivers them and the sources' marks apply nothing twice. The notices are published after the ack (they are in
/// <c>line_side_notices</c> since the commit; <see cref="LineSideNoticeRelay"/> publishes any a crash left). Any failure
/// closes the connection — every unacknowledged delivery goes back to the queue — and consuming starts again.
/// </summary>
public sealed class RabbitMqLineSideSignalConsumer(
    IOptions<BridgeMessagingOptions> options,
    LineSideSignalProjection projection,
    IBus bus,
    LineSideNoticeOutbox outbox,
    LineSideSignalConsumerHooks hooks,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<RabbitMqLineSideSignalConsumer> logger) : BackgroundService
{
    /// <summary>A delivery's signals (one, or a pack's): never split over two batches, acknowledged once all of them committed.</summary>
    private readonly record struct Delivery(ulong Tag, DecodedSignal[] Signals, long Received);

    /// <summary>A committed batch's notices, waiting for the publisher stage.</summary>
    private readonly record struct CommittedNotices(long Batch, IReadOnlyList<LineSideNotice> Notices);

    /// <summary>Batches whose notices wait for the publisher stage; a slower broker holds the next commit back once this many are waiting.</summary>
    private const int NoticeBatchesWaiting = 4;

    /// <summary>Stopwatch ticks spent decoding deliveries since the last batch was gathered (the "read" stage, overlapped).</summary>
    private long _decodeTicks;

    /// <summary>Deliveries decoded since the consumer started (the batch trace's count of those waiting).</summary>
    private long _decoded;

    /// <summary>
    /// Declares the queue and its bindings before the host reports started: a signal published once the host runs must
    /// find the queue (an exchange without a bound queue drops it). A broker not reachable yet: the consume loop declares it.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await ConnectAsync(options.Value, cancellationToken);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            await LineSideSignalQueue.DeclareAsync(channel, options.Value.RabbitMq.QuorumQueues, cancellationToken);
            foreach (var (queue, messages) in await LineSideSignalQueue.FindObsoleteAsync(connection, cancellationToken))
                Log.ObsoleteSignalQueue(logger, LogText.Escape(queue), messages);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.SignalConsumerFailed(logger, e);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Notices go out on the bus: start consuming once the host (and the bus) has started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ConsumeAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.SignalConsumerFailed(logger, e);
                projection.Forget();
                try
                {
                    await Task.Delay(LineSideSignalQueue.RetryDelay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            catch (Exception)
            {
                // Stopping: whatever the cancelled connection threw, the unacknowledged deliveries go back to the queue.
                return;
            }
        }
    }

    /// <summary>
    /// Three stages that overlap, so the rate is the slowest stage's, not their sum: the client's dispatcher receives and
    /// decodes deliveries (into a channel bounded by the prefetch, at most <see cref="LineSideSignalQueue.DecodeAhead"/> signals ahead of the commit loop); this loop gathers a batch, commits it and acknowledges it
    /// (one batch at a time, in queue order, the ack only after the commit); a publisher task sends each committed batch's
    /// notices in batch order. Whichever stage fails ends all three; the channel closes and the unacknowledged deliveries go back.
    /// </summary>
    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var ct = failed.Token;
        await using var connection = await ConnectAsync(settings, ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        await LineSideSignalQueue.DeclareAsync(channel, settings.RabbitMq.QuorumQueues, ct);
        await channel.BasicQosAsync(0, LineSideSignalQueue.Prefetch, false, ct);
        var deliveries = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var ahead = new LineSideDecodeAhead(LineSideSignalQueue.DecodeAhead);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, e) =>
        {
            var decoding = Stopwatch.GetTimestamp();
            var signals = projection.DecodeDelivery(e.Body.Span);
            var decoded = Stopwatch.GetTimestamp();
            deliveries.Writer.TryWrite(new Delivery(e.DeliveryTag, signals, decoded));
            Interlocked.Add(ref _decodeTicks, decoded - decoding);
            Interlocked.Increment(ref _decoded);
            hooks.AfterDecode?.Invoke();
            try
            {
                await ahead.AddAsync(signals.Length, ct);
            }
            catch (OperationCanceledException)
            {
                // The consumer stopped or failed: the channel closes and what was not acknowledged goes back.
            }
        };
        consumer.ShutdownAsync += (_, e) =>
        {
            deliveries.Writer.TryComplete(new InvalidOperationException($"the signal channel closed: {e.ReplyText}"));
            return Task.CompletedTask;
        };
        // A fresh consumer may follow another host's: what memory holds may be old (the row versions would catch it).
        projection.Forget();
        await projection.PreloadAsync(ct);
        Interlocked.Exchange(ref _decoded, 0);
        await channel.BasicConsumeAsync(LineSideSignalQueue.Name, autoAck: false, consumer, ct);
        Log.SignalConsumerStarted(logger, LineSideSignalQueue.Name, connection.Endpoint.HostName, connection.Endpoint.Port);

        var committed = Channel.CreateBounded<CommittedNotices>(new BoundedChannelOptions(NoticeBatchesWaiting) { SingleReader = true, SingleWriter = true });
        var publishing = PublishLoopAsync(committed.Reader, ct);
        try
        {
            await CommitLoopAsync(deliveries.Reader, ahead, channel, committed.Writer, ct);
        }
        finally
        {
            await failed.CancelAsync();
            await publishing;
        }
    }

    private async Task CommitLoopAsync(ChannelReader<Delivery> deliveries, LineSideDecodeAhead ahead, IChannel channel, ChannelWriter<CommittedNotices> committed, CancellationToken ct)
    {
        var gatherer = new LineSideSignalGatherer<Delivery>(deliveries, d => d.Signals.Length, time, LineSideSignalQueue.BatchWindow, LineSideSignalQueue.BatchLimit);
        var batch = new List<Delivery>(LineSideSignalQueue.BatchLimit);
        var signals = new List<DecodedSignal>(LineSideSignalQueue.BatchLimit);
        long taken = 0;
        for (long number = 1; ; number++)
        {
            batch.Clear();
            signals.Clear();
            var gatherStarted = Stopwatch.GetTimestamp();
            await gatherer.GatherAsync(batch, ct);
            var gathered = Stopwatch.GetTimestamp();
            taken += batch.Count;
            LineSideStageMetrics.Record(LineSideStageMetrics.Read, Interlocked.Exchange(ref _decodeTicks, 0));
            foreach (var delivery in batch)
                signals.AddRange(delivery.Signals);
            ahead.Take(signals.Count);
            var result = await projection.ApplyAsync(signals, ct);
            var commitDone = Stopwatch.GetTimestamp();
            if (hooks.AfterCommit is { } afterCommit)
                await afterCommit(ct);
            var acking = Stopwatch.GetTimestamp();
            await channel.BasicAckAsync(batch[^1].Tag, multiple: true, ct);
            var acked = LineSideStageMetrics.Stage(LineSideStageMetrics.Ack, acking);
            Report(result);
            if (result.Notices.Count > 0)
                await committed.WriteAsync(new CommittedNotices(number, result.Notices), ct);
            hooks.AfterBatch?.Invoke(new LineSideBatchTrace(number, batch.Count, signals.Count, result.Notices.Count, (int)(Interlocked.Read(ref _decoded) - taken),
                batch[0].Received, batch[^1].Received, gatherStarted, gathered, commitDone, acked, result.Notices.Count > 0 ? Stopwatch.GetTimestamp() : acked));
        }
    }

    /// <summary>Publishes each committed batch's notices, batch after batch (one location's notices stay in order across batches).</summary>
    private async Task PublishLoopAsync(ChannelReader<CommittedNotices> committed, CancellationToken ct)
    {
        try
        {
            await foreach (var (batch, notices) in committed.ReadAllAsync(ct))
            {
                var started = Stopwatch.GetTimestamp();
                await PublishAsync(notices, ct);
                hooks.AfterPublish?.Invoke(new LineSideNoticeTrace(batch, notices.Count, started, Stopwatch.GetTimestamp()));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The consumer stopped or failed: notices not yet published are in line_side_notices; the relay sends them.
        }
    }

    private static async Task<IConnection> ConnectAsync(BridgeMessagingOptions settings, CancellationToken ct)
    {
        var uri = new Uri(settings.RabbitMqUri!);
        var factory = new ConnectionFactory
        {
            Uri = uri, AutomaticRecoveryEnabled = false, ClientProvidedName = "bridge-line-side-signals", RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
        };
        var nodes = settings.RabbitMq.ClusterNodes.Select(ClusterNode.TryParse).OfType<ClusterNode>().ToList();
        return nodes.Count > 0
            ? await factory.CreateConnectionAsync(nodes.Select(n => new AmqpTcpEndpoint(n.Host, n.Port ?? uri.Port)).ToList(), ct)
            : await factory.CreateConnectionAsync(ct);
    }

    private async Task PublishAsync(IReadOnlyList<LineSideNotice> notices, CancellationToken ct)
    {
        if (notices.Count == 0)
            return;
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Each publish waits for the broker's confirm: locations at once, one location's notices in their order.
            await Task.WhenAll(notices.GroupBy(n => n.Location, StringComparer.Ordinal).Select(async location =>
            {
                foreach (var notice in location)
                    await notice.PublishAsync(bus, ct);
            }));
            await outbox.RemoveAsync(notices.Select(n => n.MessageId).ToArray(), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Committed with the batch: the relay publishes what is left.
            Log.NoticePublishFailed(logger, notices.Count, e);
        }

        LineSideStageMetrics.Stage(LineSideStageMetrics.Publish, started);
    }

    private void Report(LineSideSignalBatchResult result)
    {
        foreach (var ((location, signal), change) in result.Changes)
        {
            if (change.Kind != LevelChangeKind.Applied)
                Log.SignalIgnored(logger, signal.Kind.ToString(), signal.MessageId, LogText.Escape(location.Id), change.Kind.ToString());
            else if (change.BecameLow)
                Log.LevelLow(logger, LogText.Escape(location.Id), change.Level.Quantity, signal.Kind.ToString(), signal.MessageId, LogText.Escape(signal.Source));
        }
    }
}

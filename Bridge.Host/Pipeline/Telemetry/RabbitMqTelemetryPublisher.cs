using Bridge.Host.Infrastructure.Configuration;
using RabbitMQ.Client;

namespace Bridge.Host.Pipeline.Telemetry;

/// <summary>
/// Publishes telemetry straight to RabbitMQ with RabbitMQ.Client (persistent, publisher confirms, one channel),
/// in the MassTransit envelope the bus's consumers read. A batch is published back to back and its confirms are
/// settled together by a <see cref="PublisherConfirmTracker"/>, while the pipeline may already send the next one. A lost connection
/// is opened again on the next batch — with cluster nodes, to any node that answers. A connection that stops answering
/// without closing (a broker blocked or gone silent, a half-open socket) is given up after <see cref="AnswerTimeout"/>:
/// writes and confirms are bounded, what was not confirmed by then counts as not taken, and the next batch opens a new connection.
/// </summary>
/// <param name="nodes">The cluster's nodes (<c>Bridge:RabbitMq:ClusterNodes</c>); none: the host of <paramref name="uri"/>.</param>
public sealed class RabbitMqTelemetryPublisher(Uri uri, ILogger<RabbitMqTelemetryPublisher> logger, IReadOnlyList<ClusterNode>? nodes = null, TimeProvider? time = null)
    : ITelemetryPublisher, IAsyncDisposable
{
    /// <summary>How long a batch's writes, and then its confirms, may take (as the inbound outbox relay's publish timeout).</summary>
    public TimeSpan AnswerTimeout { get; init; } = TimeSpan.FromSeconds(30);

    private static readonly Task<int> NoneConfirmed = Task.FromResult(0);
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
    private IConnection? _connection;
    private IChannel? _channel;
    private PublisherConfirmTracker? _confirms;
    private volatile bool _broken;

    public async Task<Task<int>> SendAsync(IReadOnlyList<TelemetryRecord> records, bool mayReconnect, CancellationToken ct)
    {
        if (!mayReconnect && (_broken || _channel is not { IsOpen: true }))
            return NoneConfirmed;
        IChannel channel;
        try
        {
            channel = await ChannelAsync(ct).ConfigureAwait(false);
            foreach (var record in records)
            {
                if (_declared.Contains(record.Exchange))
                    continue;
                await channel.ExchangeDeclareAsync(record.Exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct).ConfigureAwait(false);
                _declared.Add(record.Exchange);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Log.BusUnreachable(logger, ex.Message);
            await ResetAsync().ConfigureAwait(false);
            return NoneConfirmed;
        }

        var tracker = _confirms!;
        ulong first;
        try
        {
            first = await channel.GetNextPublishSequenceNumberAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Log.BusUnreachable(logger, ex.Message);
            _broken = true;
            return NoneConfirmed;
        }

        var confirmed = tracker.Track(first, records.Count);
        using var writes = CancellationTokenSource.CreateLinkedTokenSource(ct);
        writes.CancelAfter(AnswerTimeout);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var properties = new BasicProperties
            {
                Persistent = true,
                MessageId = record.MessageId.ToString(),
                ContentType = "application/vnd.masstransit+json",
            };
            try
            {
                // Returns once the frames are written; the confirm comes through the tracker.
                await channel.BasicPublishAsync(record.Exchange, "", false, properties, record.Body, writes.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (writes.IsCancellationRequested)
                    Log.BusSilent(logger, AnswerTimeout);
                else
                    Log.BusUnreachable(logger, ex.Message);
                tracker.Abandon(first, i);
                _broken = true;
                break;
            }
        }

        return SettleAsync(tracker, confirmed, records.Count);
    }

    /// <summary>
    /// A batch not confirmed in full marks the channel for a fresh start before the next batch. Confirms that do not
    /// come within <see cref="AnswerTimeout"/> never will on this channel: its tracker is failed, which settles this
    /// batch (and any sent after it) with what was acknowledged so far.
    /// </summary>
    private async Task<int> SettleAsync(PublisherConfirmTracker tracker, Task<int> confirmed, int count)
    {
        int result;
        try
        {
            result = await confirmed.WaitAsync(AnswerTimeout, time ?? TimeProvider.System).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.BusSilent(logger, AnswerTimeout);
            _broken = true;
            tracker.Fail();
            result = await confirmed.ConfigureAwait(false);
        }

        if (result < count)
            _broken = true;
        return result;
    }

    private async Task<IChannel> ChannelAsync(CancellationToken ct)
    {
        if (_channel is { IsOpen: true } open && !_broken)
            return open;
        await ResetAsync().ConfigureAwait(false);
        var factory = new ConnectionFactory
        {
            Uri = uri,
            AutomaticRecoveryEnabled = false,
            ClientProvidedName = "bridge-telemetry",
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
        };
        _connection = nodes is { Count: > 0 }
            ? await factory.CreateConnectionAsync(nodes.Select(n => new AmqpTcpEndpoint(n.Host, n.Port ?? uri.Port)).ToList(), ct).ConfigureAwait(false)
            : await factory.CreateConnectionAsync(ct).ConfigureAwait(false);
        // Confirms on, the client's per-message tracking off: PublisherConfirmTracker settles whole batches.
        var channel = await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: false), ct).ConfigureAwait(false);
        var tracker = PublisherConfirmTracker.For(channel);
        _channel = channel;
        _confirms = tracker;
        _broken = false;
        Log.BusConnected(logger, _connection.Endpoint.HostName, _connection.Endpoint.Port);
        return _channel;
    }

    private async Task ResetAsync()
    {
        _declared.Clear();
        _confirms?.Fail();
        _confirms = null;
        try
        {
            if (_channel is not null)
                await _channel.DisposeAsync().ConfigureAwait(false);
            if (_connection is not null)
                await _connection.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.BusUnreachable(logger, ex.Message);
        }

        _channel = null;
        _connection = null;
    }

    public async ValueTask DisposeAsync() => await ResetAsync().ConfigureAwait(false);
}

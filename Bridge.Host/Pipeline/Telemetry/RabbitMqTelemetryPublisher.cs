using RabbitMQ.Client;

namespace Bridge.Host.Pipeline.Telemetry;

/// <summary>
/// Publishes telemetry straight to RabbitMQ with RabbitMQ.Client (persistent, publisher confirms, one channel),
/// in the MassTransit envelope the bus's consumers read. A batch is published back to back and its confirms awaited
/// together, instead of one round trip per message. A lost connection is opened again on the next batch.
/// </summary>
public sealed class RabbitMqTelemetryPublisher(Uri uri, ILogger<RabbitMqTelemetryPublisher> logger) : ITelemetryPublisher, IAsyncDisposable
{
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
    private IConnection? _connection;
    private IChannel? _channel;

    public async Task<int> PublishAsync(IReadOnlyList<TelemetryRecord> records, CancellationToken ct)
    {
        IChannel channel;
        try
        {
            channel = await ChannelAsync(ct).ConfigureAwait(false);
            foreach (var exchange in records.Select(r => r.Exchange).Distinct().Where(e => !_declared.Contains(e)))
            {
                await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct).ConfigureAwait(false);
                _declared.Add(exchange);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Log.BusUnreachable(logger, ex.Message);
            await ResetAsync().ConfigureAwait(false);
            return 0;
        }

        var confirms = new List<Task>(records.Count);
        foreach (var record in records)
        {
            var properties = new BasicProperties
            {
                Persistent = true,
                MessageId = record.MessageId.ToString(),
                ContentType = "application/vnd.masstransit+json",
            };
            try
            {
                confirms.Add(channel.BasicPublishAsync(record.Exchange, "", false, properties, record.Body, ct).AsTask());
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                confirms.Add(Task.FromException(ex));
                break;
            }
        }

        var confirmed = 0;
        foreach (var confirm in confirms)
        {
            try
            {
                await confirm.ConfigureAwait(false);
                confirmed++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                Log.BusUnreachable(logger, ex.Message);
                break;
            }
        }

        // Observe the rest so none goes unobserved; once one failed, those after it do not count as confirmed.
        foreach (var rest in confirms.Skip(confirmed))
            _ = rest.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        if (confirmed < records.Count)
            await ResetAsync().ConfigureAwait(false);
        return confirmed;
    }

    private async Task<IChannel> ChannelAsync(CancellationToken ct)
    {
        if (_channel is { IsOpen: true } open)
            return open;
        await ResetAsync().ConfigureAwait(false);
        var factory = new ConnectionFactory
        {
            Uri = uri,
            AutomaticRecoveryEnabled = false,
            ClientProvidedName = "bridge-telemetry",
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
        };
        _connection = await factory.CreateConnectionAsync(ct).ConfigureAwait(false);
        _channel = await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct).ConfigureAwait(false);
        Log.BusConnected(logger, uri.Host, uri.Port);
        return _channel;
    }

    private async Task ResetAsync()
    {
        _declared.Clear();
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

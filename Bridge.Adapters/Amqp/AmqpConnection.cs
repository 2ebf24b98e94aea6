using System.Text;
using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Bridge.Adapters.Amqp;

/// <summary>
/// One connection to a system's RabbitMQ (RabbitMQ.Client, automatic recovery): consumes the configured queues with
/// prefetch and manual acknowledgement — a delivery is acked only once the <see cref="IEnvelopeSink"/> took it
/// (published, stored, or kept as a dead letter with its raw bytes, so a poison message is acked once and never
/// requeue-loops); when the sink could not take it, it is returned to the queue. Publishes with confirms.
/// </summary>
public sealed class AmqpConnection(string name, AmqpAdapterOptions options, IEnvelopeSink sink, ILogger logger, TimeProvider time) : IAdapterConnection, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _publishLock = new(1, 1);
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IConnection? _connection;
    private IChannel? _publisher;
    private Task? _run;
    private string? _lastError;
    private DateTimeOffset? _since;

    public string Name => name;

    string IAdapterConnection.Adapter => "amqp";

    string IAdapterConnection.Instance => name;

    /// <summary>Connected while the connection is open; RabbitMQ.Client's automatic recovery is "reconnecting".</summary>
    AdapterConnectionStatus IAdapterConnection.Status => options.Uri.Length == 0
        ? new("off", false, "no uri configured", null)
        : _connection switch
        {
            null when _run is null => new("stopped", false, null, null),
            null => new("connecting", false, _lastError, _since),
            { IsOpen: true } => new("connected", true, null, _since),
            { CloseReason: var reason } => new("reconnecting", false, reason?.ReplyText ?? _lastError, _since),
        };

    /// <summary>Completes once connected and consuming.</summary>
    public Task Connected => _connected.Task;

    public void Start()
    {
        if (options.Uri.Length == 0)
        {
            Log.NotConfigured(logger, name);
            return;
        }

        _run ??= Task.Run(() => ConnectAsync(_stop.Token));
    }

    private async Task ConnectAsync(CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var factory = new ConnectionFactory
                {
                    Uri = new Uri(options.Uri),
                    AutomaticRecoveryEnabled = true,
                    TopologyRecoveryEnabled = true,
                    ClientProvidedName = "bridge-" + name,
                };
                if (options.PasswordEnv is { Length: > 0 } env)
                    factory.Password = Environment.GetEnvironmentVariable(env) ?? "";
                _connection = await factory.CreateConnectionAsync(ct).ConfigureAwait(false);
                _publisher = await _connection.CreateChannelAsync(new CreateChannelOptions(true, true), ct).ConfigureAwait(false);
                foreach (var queue in options.Queues)
                    await ConsumeAsync(queue, ct).ConfigureAwait(false);
                Log.Connected(logger, name, factory.HostName, options.Queues.Count);
                _lastError = null;
                _since = time.GetUtcNow();
                _connected.TrySetResult();
                return;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                Log.ConnectFailed(logger, name, ex.Message, delay);
                _lastError = ex.Message;
                _since ??= time.GetUtcNow();
                await CloseAsync().ConfigureAwait(false);
                await Task.Delay(delay, time, ct).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(10_000, delay.TotalMilliseconds * 2 * (0.75 + Random.Shared.NextDouble() * 0.5)));
            }
        }
    }

    private async Task ConsumeAsync(AmqpQueueOptions queue, CancellationToken ct)
    {
        var channel = await _connection!.CreateChannelAsync(cancellationToken: ct).ConfigureAwait(false);
        await channel.BasicQosAsync(0, options.Prefetch, false, ct).ConfigureAwait(false);
        if (queue.Declare)
        {
            var arguments = string.Equals(queue.QueueType, "quorum", StringComparison.OrdinalIgnoreCase)
                ? new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }
                : null;
            await channel.QueueDeclareAsync(queue.Queue, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: ct).ConfigureAwait(false);
            if (queue.Exchange is { Length: > 0 } exchange)
            {
                await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, cancellationToken: ct).ConfigureAwait(false);
                await channel.QueueBindAsync(queue.Queue, exchange, queue.RoutingKey, cancellationToken: ct).ConfigureAwait(false);
            }
        }
        else
        {
            await channel.QueueDeclarePassiveAsync(queue.Queue, ct).ConfigureAwait(false);
        }

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => HandleAsync(channel, queue, delivery);
        await channel.BasicConsumeAsync(queue.Queue, autoAck: false, consumer, ct).ConfigureAwait(false);
    }

    private async Task HandleAsync(IChannel channel, AmqpQueueOptions queue, BasicDeliverEventArgs delivery)
    {
        var envelope = AmqpInboundEnvelopes.Create(queue, delivery);
        try
        {
            var receipt = await sink.AcceptAsync(envelope, _stop.Token).ConfigureAwait(false);
            if (!receipt.Accepted)
                Log.DeadLettered(logger, name, queue.Queue, receipt.DeadLetterId, receipt.Reason ?? "");
            await channel.BasicAckAsync(delivery.DeliveryTag, false).ConfigureAwait(false);
        }
        catch (Exception ex) when (!_stop.IsCancellationRequested)
        {
            Log.NotTaken(logger, name, queue.Queue, ex.Message);
            await channel.BasicNackAsync(delivery.DeliveryTag, false, requeue: true).ConfigureAwait(false);
        }
    }

    internal async Task PublishAsync(string exchange, string routingKey, BasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        var publisher = _publisher is { IsOpen: true } open ? open : throw new AmqpAdapterException($"amqp adapter '{name}' is not connected");
        await _publishLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await publisher.BasicPublishAsync(exchange, routingKey, mandatory: false, properties, body, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A publish to an exchange that does not exist closes the channel (404): sending again cannot help.
            var permanent = ex.Message.Contains("NOT_FOUND", StringComparison.Ordinal);
            if (permanent && _connection is { IsOpen: true } connection)
                _publisher = await connection.CreateChannelAsync(new CreateChannelOptions(true, true), ct).ConfigureAwait(false);
            throw new AmqpAdapterException($"amqp adapter '{name}': publish to exchange '{exchange}' failed: {ex.Message}", permanent, ex);
        }
        finally
        {
            _publishLock.Release();
        }

        Log.Published(logger, name, exchange, routingKey);
    }

    private async Task CloseAsync()
    {
        try
        {
            if (_connection is not null)
                await _connection.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.ConnectFailed(logger, name, ex.Message, TimeSpan.Zero);
        }

        _connection = null;
        _publisher = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
            return;
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_run is not null)
        {
            try
            {
                await _run.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await CloseAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}

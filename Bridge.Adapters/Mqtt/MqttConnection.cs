using System.Threading.Channels;
using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace Bridge.Adapters.Mqtt;

/// <summary>
/// One named broker connection: connects, subscribes to every configured filter, hands each message to the
/// <see cref="IEnvelopeSink"/> and acknowledges it (PUBACK/PUBREC) only once the sink has durably taken it, in the
/// order the messages came (MQTT requires it). When the sink cannot take a message, nothing after it is
/// acknowledged and the connection is dropped, so the broker re-delivers from there (persistent session).
/// Lost connections are retried with exponential backoff and jitter; the state is logged and readable
/// (<see cref="State"/>, <see cref="LastError"/>) for the health check.
/// </summary>
public sealed class MqttConnection : IAdapterConnection, IAsyncDisposable
{
    private readonly string _name;
    private readonly MqttAdapterOptions _options;
    private readonly IEnvelopeSink _sink;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly IMqttClient _client;
    private readonly Channel<PendingAck> _pending;
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _disconnected = NewSignal();
    private TaskCompletionSource _connected = NewSignal();
    private Task? _run;
    private Task? _acks;
    private int _generation;
    private int _abandonedGeneration = -1;
    private MqttConnectionState _state = MqttConnectionState.Stopped;
    private DateTimeOffset? _stateSince;

    public MqttConnection(string name, MqttAdapterOptions options, IEnvelopeSink sink, ILogger logger, TimeProvider time)
    {
        _name = name;
        _options = options;
        _sink = sink;
        _logger = logger;
        _time = time;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _client.DisconnectedAsync += OnDisconnectedAsync;
        _pending = Channel.CreateBounded<PendingAck>(new BoundedChannelOptions(options.MaxInFlight)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string Name => _name;

    public MqttConnectionState State
    {
        get => _state;
        private set
        {
            if (_state != value)
                _stateSince = _time.GetUtcNow();
            _state = value;
        }
    }

    string IAdapterConnection.Adapter => "mqtt";

    string IAdapterConnection.Instance => _name;

    AdapterConnectionStatus IAdapterConnection.Status => new(State.ToString().ToLowerInvariant(), State == MqttConnectionState.Connected,
        State == MqttConnectionState.Connected ? null : LastError, _stateSince);

    /// <summary>Why the last attempt failed or the connection was lost; null while connected.</summary>
    public string? LastError { get; private set; }

    /// <summary>Completes once connected and subscribed (again after a reconnect: a new task each time).</summary>
    public Task Connected => _connected.Task;

    internal IMqttClient Client => _client;

    public void Start()
    {
        if (_options.OffReason is { } off)
        {
            if (State != MqttConnectionState.Off)
                Log.Off(_logger, _name, off);
            State = MqttConnectionState.Off;
            LastError = off;
            return;
        }

        _run ??= Task.Run(() => RunAsync(_stop.Token));
        _acks ??= Task.Run(() => AcknowledgeInOrderAsync(_stop.Token));
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var attempt = 0;
        while (!ct.IsCancellationRequested)
        {
            State = MqttConnectionState.Connecting;
            var refused = false;
            try
            {
                _disconnected = NewSignal();
                var result = await _client.ConnectAsync(MqttClientOptionsFactory.Build(_name, _options), ct).ConfigureAwait(false);
                if (result.ResultCode != MqttClientConnectResultCode.Success)
                {
                    refused = true;
                    throw new MqttAdapterException(Refusal(result.ResultCode, result.ReasonString));
                }

                foreach (var subscription in _options.Subscriptions)
                {
                    var filter = new MqttClientSubscribeOptionsBuilder()
                        .WithTopicFilter(subscription.Topic, (MqttQualityOfServiceLevel)subscription.Qos)
                        .Build();
                    var granted = await _client.SubscribeAsync(filter, ct).ConfigureAwait(false);
                    foreach (var item in granted.Items.Where(i => (int)i.ResultCode > 2))
                    {
                        Log.SubscriptionRefused(_logger, _name, subscription.Topic, item.ResultCode.ToString());
                    }
                }

                attempt = 0;
                LastError = null;
                State = MqttConnectionState.Connected;
                Log.Connected(_logger, _name, _options.Host, _options.Port, result.IsSessionPresent, _options.Subscriptions.Count);
                _connected.TrySetResult();
                await _disconnected.Task.WaitAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                refused |= ex is MQTTnet.Adapter.MqttConnectingFailedException && ex.Message.Contains("BadUserNameOrPassword", StringComparison.Ordinal);
                LastError = Describe(ex);
                Log.ConnectFailed(_logger, _name, _options.Host, _options.Port, LastError);
            }

            State = MqttConnectionState.Disconnected;
            _connected = NewSignal();
            // A refused login does not heal by itself: wait the longest delay instead of hammering the broker.
            var delay = refused ? TimeSpan.FromMilliseconds(_options.ReconnectMaxDelayMs) : Backoff(attempt++);
            Log.Reconnecting(_logger, _name, delay);
            try
            {
                await Task.Delay(delay, _time, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        State = MqttConnectionState.Stopped;
    }

    private TimeSpan Backoff(int attempt)
    {
        var baseMs = Math.Min(_options.ReconnectMaxDelayMs, _options.ReconnectMinDelayMs * Math.Pow(2, Math.Min(attempt, 20)));
        return TimeSpan.FromMilliseconds(baseMs * (0.75 + Random.Shared.NextDouble() * 0.5));
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        Interlocked.Increment(ref _generation);
        if (e.ClientWasConnected)
        {
            LastError = e.Exception?.Message ?? e.ReasonString ?? e.Reason.ToString();
            Log.Disconnected(_logger, _name, LastError);
        }

        State = MqttConnectionState.Disconnected;
        _disconnected.TrySetResult();
        return Task.CompletedTask;
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var message = e.ApplicationMessage;
        var generation = Volatile.Read(ref _generation);
        var match = MqttInboundEnvelopes.Find(_options.Subscriptions, message.Topic);
        if (match is null)
        {
            // Only an overlapping subscription left over in a persistent session can bring this: nothing maps it.
            Log.Unrouted(_logger, _name, message.Topic);
            return;
        }

        e.AutoAcknowledge = false;
        var envelope = MqttInboundEnvelopes.Create(match.Value.Subscription, match.Value.Wildcards, message, _time.GetUtcNow());
        Task<EnvelopeReceipt> taken;
        try
        {
            taken = _sink.AcceptAsync(envelope, _stop.Token);
        }
        catch (Exception ex)
        {
            taken = Task.FromException<EnvelopeReceipt>(ex);
        }

        // Waits when MaxInFlight messages are still being taken: the broker stops sending (backpressure).
        await _pending.Writer.WriteAsync(new PendingAck(e, taken, generation, message.Topic), _stop.Token).ConfigureAwait(false);
    }

    private async Task AcknowledgeInOrderAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var pending in _pending.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                try
                {
                    var receipt = await pending.Taken.ConfigureAwait(false);
                    if (!receipt.Accepted)
                    {
                        Log.DeadLettered(_logger, _name, pending.Topic, receipt.DeadLetterId, receipt.Reason ?? "");
                    }
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    // Not taken: acknowledging anything after it would break MQTT's in-order acks, so the connection goes
                    // and the broker re-delivers everything from this message on.
                    Log.NotTaken(_logger, _name, pending.Topic, ex.Message);
                    if (_abandonedGeneration != pending.Generation)
                    {
                        _abandonedGeneration = pending.Generation;
                        _ = DropConnectionAsync();
                    }

                    continue;
                }

                if (pending.Generation != Volatile.Read(ref _generation) || pending.Generation == _abandonedGeneration)
                {
                    continue;
                }

                try
                {
                    await pending.Args.AcknowledgeAsync(ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    Log.AckFailed(_logger, _name, pending.Topic, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task DropConnectionAsync()
    {
        try
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.UnspecifiedError).Build()).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.AckFailed(_logger, _name, "(disconnect)", ex.Message);
        }
    }

    /// <summary>Publishes one message; returns once the broker acknowledged it (QoS 1/2).</summary>
    internal async Task PublishAsync(MqttApplicationMessage message, CancellationToken ct)
    {
        if (!_client.IsConnected)
        {
            throw new MqttAdapterException($"mqtt adapter '{_name}' is not connected to {_options.Host}:{_options.Port} ({LastError ?? State.ToString()})");
        }

        MqttClientPublishResult result;
        try
        {
            result = await _client.PublishAsync(message, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new MqttAdapterException($"mqtt adapter '{_name}': publish to '{message.Topic}' failed: {ex.Message}", inner: ex);
        }

        if (!result.IsSuccess)
        {
            var permanent = result.ReasonCode is MqttClientPublishReasonCode.NotAuthorized or MqttClientPublishReasonCode.TopicNameInvalid
                or MqttClientPublishReasonCode.PayloadFormatInvalid;
            throw new MqttAdapterException($"mqtt adapter '{_name}': broker refused publish to '{message.Topic}': {result.ReasonCode} {result.ReasonString}", permanent);
        }
    }

    private string Refusal(MqttClientConnectResultCode code, string? reason) => code switch
    {
        MqttClientConnectResultCode.BadUserNameOrPassword or MqttClientConnectResultCode.NotAuthorized =>
            $"broker refused the login of user '{_options.User}' (password from environment variable '{_options.PasswordEnv}'): {code}",
        _ => $"broker refused the connection: {code} {reason}",
    };

    private string Describe(Exception ex)
    {
        if (ex is MqttAdapterException)
            return ex.Message;
        var inner = ex.InnerException is null ? "" : " (" + ex.InnerException.Message + ")";
        if (ex.Message.Contains("BadUserNameOrPassword", StringComparison.Ordinal) || ex.Message.Contains("NotAuthorized", StringComparison.Ordinal))
            return $"broker refused the login of user '{_options.User}' (password from environment variable '{_options.PasswordEnv}'): {ex.Message}";
        return ex.Message + inner;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
            return;
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var task in new[] { _run, _acks }.OfType<Task>())
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Log.AckFailed(_logger, _name, "(disconnect)", ex.Message);
            }
        }

        _client.Dispose();
        _stop.Dispose();
        State = MqttConnectionState.Stopped;
    }

    private sealed record PendingAck(MqttApplicationMessageReceivedEventArgs Args, Task<EnvelopeReceipt> Taken, int Generation, string Topic);

    /// <summary><c>yyyy-MM-ddTHH:mm:ss.fffZ</c> in UTC, written directly: it is stamped on every message received.</summary>
    internal static string Iso(DateTimeOffset at) => string.Create(24, at.UtcDateTime, static (text, t) =>
    {
        Digits(text[..4], t.Year);
        text[4] = '-';
        Digits(text[5..7], t.Month);
        text[7] = '-';
        Digits(text[8..10], t.Day);
        text[10] = 'T';
        Digits(text[11..13], t.Hour);
        text[13] = ':';
        Digits(text[14..16], t.Minute);
        text[16] = ':';
        Digits(text[17..19], t.Second);
        text[19] = '.';
        Digits(text[20..23], t.Millisecond);
        text[23] = 'Z';
    });

    private static void Digits(Span<char> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--, value /= 10)
            text[i] = (char)('0' + value % 10);
    }
}

using System.Globalization;
using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Hosting;
using Bridge.Adapters.OpcUa.Counters;
using Bridge.Adapters.OpcUa.Stack;
using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;
using Bridge.Adapters.OpcUa.Stack.Session;
using Bridge.Adapters.OpcUa.Stack.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Bridge.Adapters.OpcUa;

/// <summary>
/// The OPC UA adapter's inbound side: a configured device at run time. Connects (retrying until the server is
/// there), resolves its nodes, subscribes, hands values as envelopes to the <see cref="IEnvelopeSink"/> in order,
/// and writes back to its write targets (for <see cref="OpcUaOutboundSender"/> and the host's device API).
/// Knows no canonical message: the mapping named by each node's message type does.
/// </summary>
public sealed class OpcUaDevice(string name, OpcUaAdapterOptions options, IEnvelopeSink sink, ILoggerFactory loggers, TimeProvider time) : IAdapterConnection, IAsyncDisposable
{
    private const string EventKeyPrefix = "event:";
    private readonly ILogger logger = loggers.CreateLogger("Bridge.Adapters.OpcUa." + name);
    private readonly DeviceEnvelopeQueue envelopes = new(options.QueueCapacity,
        (envelope, total) => Log.ValueDropped(loggers.CreateLogger("Bridge.Adapters.OpcUa." + name), name, envelope.MessageType, options.QueueCapacity, total));
    private readonly Dictionary<string, CounterDelta> counters = [];
    private readonly Dictionary<string, NodeId> writeTargets = [];
    private readonly CancellationTokenSource lifetime = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private OpcUaClient? client;
    private Task forwarding = Task.CompletedTask;
    private volatile ConnectionEvent? lastConnectionEvent;
    private volatile string? connectError;
    private DateTimeOffset? connectingSince;

    public string Name => name;

    string IAdapterConnection.Adapter => "opcua";

    string IAdapterConnection.Instance => name;

    AdapterConnectionStatus IAdapterConnection.Status => lastConnectionEvent switch
    {
        null when connectingSince is null => new("stopped", false, null, null),
        null => new("connecting", false, connectError, connectingSince),
        { State: ConnectionState.Connected } e => new("connected", client?.IsConnected == true, null, e.At),
        var e => new(e.State.ToString().ToLowerInvariant(), false, e.Detail, e.At),
    };

    /// <summary>Values dropped because the pipeline did not keep up (<see cref="OpcUaAdapterOptions.QueueCapacity"/>).</summary>
    public long DroppedValues => envelopes.Dropped;

    public string System => string.IsNullOrEmpty(options.System) ? name : options.System;

    public bool IsConnected => client?.IsConnected == true;

    /// <summary>Completes once the device is connected, its write targets resolved and its nodes monitored.</summary>
    public Task Ready => ready.Task;

    /// <summary>Raised for gaps, restorations and rejected items, so the host can surface them.</summary>
    public event Action<SubscriptionEvent>? SubscriptionChanged;

    /// <summary>Connects with backoff until it succeeds or <paramref name="ct"/> ends, then subscribes to every node.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.Token);
        forwarding = Task.Run(() => ForwardAsync(lifetime.Token), CancellationToken.None);
        var delay = TimeSpan.FromMilliseconds(200);
        connectingSince = time.GetUtcNow();
        while (true)
        {
            try
            {
                client = await OpcUaClient.ConnectAsync(ClientOptions(), loggers, time, linked.Token).ConfigureAwait(false);
                client.ConnectionChanged += e => lastConnectionEvent = e;
                lastConnectionEvent = new ConnectionEvent(ConnectionState.Connected, time.GetUtcNow(), "connected");
                break;
            }
            catch (OpcUaException ex)
            {
                connectError = ex.Message;
                Log.DeviceProblem(logger, name, $"cannot connect to {options.EndpointUrl}: {ex.Message}; retrying in {delay.TotalMilliseconds:0} ms");
                await Task.Delay(delay, time, linked.Token).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, options.ReconnectMaxDelayMs));
            }
        }
        foreach (var write in options.Writes)
        {
            writeTargets[write.Key] = await ResolveAsync(write.NodeId, write.BrowsePath, linked.Token).ConfigureAwait(false);
        }
        if (options.Nodes.Count > 0 || options.Events.Count > 0)
        {
            await SubscribeAsync(linked.Token).ConfigureAwait(false);
        }
        ready.TrySetResult();
    }

    private OpcUaClientOptions ClientOptions()
    {
        var policy = options.SecurityPolicy;
        var mode = options.SecurityMode is null || string.Equals(options.SecurityMode, "None", StringComparison.OrdinalIgnoreCase) ? "Best" : options.SecurityMode;
        return new OpcUaClientOptions
        {
            EndpointUrl = options.EndpointUrl,
            Identity = Identity(),
            Session = new SessionOptions { SessionName = "Bridge " + name },
            Security = new ClientSecurityOptions { Policy = policy, Mode = mode, PkiDir = options.PkiDir },
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(options.ReconnectMaxDelayMs),
        };
    }

    private UserIdentity Identity()
    {
        var type = options.UserTokenType ?? (string.IsNullOrEmpty(options.User) ? "anonymous" : "username");
        if (string.Equals(type, "x509", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return UserIdentity.FromCertificate(global::System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(options.UserCertificate!, options.UserKey!));
            }
            catch (Exception ex) when (ex is IOException or global::System.Security.Cryptography.CryptographicException)
            {
                throw new OpcUaException(new StatusCode(StatusCodes.BadIdentityTokenInvalid), $"device '{name}': cannot load user certificate {options.UserCertificate} with key {options.UserKey}: {ex.Message}");
            }
        }
        if (!string.Equals(type, "username", StringComparison.OrdinalIgnoreCase))
        {
            return UserIdentity.Anonymous;
        }
        var password = Environment.GetEnvironmentVariable(options.PasswordEnv ?? "")
            ?? throw new OpcUaException(new StatusCode(StatusCodes.BadIdentityTokenInvalid), $"device '{name}': environment variable '{options.PasswordEnv}' with the password of '{options.User}' is not set");
        return UserIdentity.FromUserName(options.User!, password);
    }

    private async Task SubscribeAsync(CancellationToken ct)
    {
        var requests = new List<MonitoredItemRequest>();
        foreach (var node in options.Nodes)
        {
            var id = await ResolveAsync(node.NodeId, node.BrowsePath, ct).ConfigureAwait(false);
            if (node.Kind == OpcUaNodeKinds.Counter)
            {
                counters[node.Key] = new CounterDelta(node.CounterMax);
            }
            requests.Add(new MonitoredItemRequest(id)
            {
                Key = node.Key,
                SamplingInterval = node.SamplingIntervalMs,
                // A counter must see every value: keep a queue; a plain value only needs the latest.
                QueueSize = node.Kind == OpcUaNodeKinds.Counter ? 100u : 10u,
                DeadbandType = node.Deadband switch { "absolute" => DeadbandType.Absolute, "percent" => DeadbandType.Percent, _ => DeadbandType.None },
                DeadbandValue = node.DeadbandValue,
            });
        }
        foreach (var entry in options.Events)
        {
            var notifier = string.IsNullOrWhiteSpace(entry.NodeId) && string.IsNullOrWhiteSpace(entry.BrowsePath)
                ? new NodeId(WellKnownNodeIds.Server)
                : await ResolveAsync(entry.NodeId, entry.BrowsePath, ct).ConfigureAwait(false);
            // Event keys live beside node keys in one item table: the prefix keeps them apart.
            requests.Add(MonitoredItemRequest.ForEvents(notifier, entry.Fields) with { Key = EventKeyPrefix + entry.Key });
        }
        var nodesByKey = options.Nodes.ToDictionary(n => n.Key, StringComparer.Ordinal);
        var eventsByKey = options.Events.ToDictionary(e => EventKeyPrefix + e.Key, StringComparer.Ordinal);
        var subscription = await client!.CreateSubscriptionAsync(
            new SubscriptionSettings { PublishingInterval = TimeSpan.FromMilliseconds(options.PublishingIntervalMs) },
            change => OnValue(nodesByKey[change.Item.Key], change),
            OnSubscriptionEvent,
            occurrence => envelopes.Add(OpcUaEventEnvelopes.Create(name, System, eventsByKey[occurrence.Item.Key], occurrence.Item.NodeId, occurrence.Fields)),
            ct).ConfigureAwait(false);
        await subscription.AddItemsAsync(requests, ct).ConfigureAwait(false);
    }

    private async Task<NodeId> ResolveAsync(string? nodeId, string? browsePath, CancellationToken ct) =>
        await client!.ResolveNodeAsync(string.IsNullOrWhiteSpace(nodeId) ? browsePath! : nodeId, ct).ConfigureAwait(false);

    private void OnSubscriptionEvent(SubscriptionEvent e)
    {
        Log.DeviceProblem(logger, name, $"{e.Kind}: {e.Detail}");
        SubscriptionChanged?.Invoke(e);
    }

    private void OnValue(OpcUaNodeOptions node, ValueChange change)
    {
        if (node.Kind != OpcUaNodeKinds.Counter)
        {
            envelopes.Add(OpcUaEnvelopes.Create(System, node, change.NodeId, change.Value, change.Value.Value.ToString()));
            return;
        }
        if (!change.Value.StatusCode.IsGood)
        {
            Log.DeviceProblem(logger, name, $"counter '{node.Key}' reported {change.Value.StatusCode.Name}; reading skipped, the next good reading counts from the last good one");
            return;
        }
        if (!TryNumber(change.Value.Value, out var reading))
        {
            Log.DeviceProblem(logger, name, $"counter '{node.Key}' delivered a {change.Value.Value.Type} ('{change.Value.Value}'), not a number; reading skipped");
            return;
        }
        var step = counters[node.Key].Next(reading);
        if (step.Kind is CounterStepKind.Wrap or CounterStepKind.Reset)
        {
            Log.CounterDiscontinuity(logger, name, node.Key, Text(step.Previous ?? 0), Text(reading), step.Kind.ToString().ToLowerInvariant());
        }
        if (step.Kind == CounterStepKind.Baseline || step.Delta == 0)
        {
            return;
        }
        var extra = new Dictionary<string, string>
        {
            ["counter"] = Text(reading),
            ["previous"] = Text(step.Previous ?? 0),
            ["counterStep"] = step.Kind.ToString().ToLowerInvariant(),
        };
        envelopes.Add(OpcUaEnvelopes.Create(System, node, change.NodeId, change.Value, Text(step.Delta), extra));
    }

    private static bool TryNumber(Variant value, out decimal number)
    {
        number = 0;
        if (value.IsArray || value.Value is not IConvertible convertible || value.Value is string or bool or DateTime)
        {
            return false;
        }
        try
        {
            number = convertible.ToDecimal(CultureInfo.InvariantCulture);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Hands envelopes to the sink one at a time, in order; a failing sink is retried, never skipped.</summary>
    private async Task ForwardAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var envelope in envelopes.ReadAllAsync(ct).ConfigureAwait(false))
            {
                var delay = TimeSpan.FromMilliseconds(100);
                while (true)
                {
                    try
                    {
                        await sink.AcceptAsync(envelope, ct).ConfigureAwait(false);
                        break;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        Log.DeviceProblem(logger, name, $"envelope {envelope.MessageType} from {envelope.Metadata.GetValueOrDefault("nodeId")} not accepted: {ex.Message}; retrying in {delay.TotalMilliseconds:0} ms");
                        await Task.Delay(delay, time, ct).ConfigureAwait(false);
                        delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 30_000));
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Writes <paramref name="text"/> (converted to the node's type) to a configured write target, named by its key
    /// or by its node id. Only configured targets can be written: a mapping cannot reach any other node of the PLC.
    /// </summary>
    public async Task<StatusCode> WriteAsync(string target, string text, CancellationToken ct)
    {
        if (client is null)
        {
            throw new OpcUaException(new StatusCode(StatusCodes.BadNotConnected), $"device '{name}' is not connected yet");
        }
        if (!writeTargets.TryGetValue(target, out var node) && !TryFindTargetByNodeId(target, out node))
        {
            throw new OpcUaException(new StatusCode(StatusCodes.BadNodeIdUnknown), $"device '{name}' has no write target '{target}' (configured: {string.Join(", ", writeTargets.Keys)})");
        }
        var (status, _) = await client.WriteTextAsync(node, text, ct).ConfigureAwait(false);
        return status;
    }

    private bool TryFindTargetByNodeId(string text, out NodeId node)
    {
        var found = NodeId.TryParse(text, out var parsed, out _) ? writeTargets.Values.FirstOrDefault(parsed.Equals) : null;
        node = found ?? NodeId.Null;
        return found is not null;
    }

    public async ValueTask DisposeAsync()
    {
        envelopes.Complete();
        await forwarding.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await lifetime.CancelAsync().ConfigureAwait(false);
        if (client is not null)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }
    }
}

using System.Collections.Concurrent;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;
using Bridge.Adapters.OpcUa.Stack.SecureChannel;
using Bridge.Adapters.OpcUa.Stack.Security;
using Bridge.Adapters.OpcUa.Stack.Session;
using Bridge.Adapters.OpcUa.Stack.Subscriptions;
using Bridge.Adapters.OpcUa.Stack.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bridge.Adapters.OpcUa.Stack.Client;

/// <summary>
/// An OPC UA client over OPC UA Binary (SecurityPolicy None or an RSA policy): one secure channel, one session, any number of
/// subscriptions. When the connection drops it reconnects with backoff, re-activates or recreates the session and
/// restores subscriptions (kept, transferred or recreated) without delivering a value twice.
/// </summary>
public sealed partial class OpcUaClient : IAsyncDisposable
{
    private readonly OpcUaClientOptions options;
    private readonly ConcurrentDictionary<OpcUaSubscription, byte> subscriptions = new();
    private readonly ConcurrentQueue<SubscriptionAcknowledgement> acknowledgements = new();
    private readonly CancellationTokenSource lifetime = new();
    private UaSecureChannel channel;
    private CancellationTokenSource pumpStop = new();
    private Task supervisor = Task.CompletedTask;
    private Task watchdog = Task.CompletedTask;
    private int clientHandles;
    private long lastPublishTicks;
    private int publishDepth = 5;

    private OpcUaClient(OpcUaClientOptions options, UaSecureChannel channel, UaSession session, ILogger logger, TimeProvider time)
    {
        this.options = options;
        this.channel = channel;
        Session = session;
        Logger = logger;
        Time = time;
    }

    public UaSession Session { get; private set; }

    public EndpointDescription Endpoint => Session.Endpoint;

    public OperationLimits Limits { get; private set; } = OperationLimits.None;

    public ConnectionState State { get; private set; } = ConnectionState.Connected;

    public bool IsConnected => State == ConnectionState.Connected && channel.IsOpen;

    /// <summary>Raised when the connection is lost, restored or closed.</summary>
    public event Action<ConnectionEvent>? ConnectionChanged;

    internal ILogger Logger { get; }

    internal TimeProvider Time { get; }

    internal TimeSpan PublishTimeout { get; private set; } = TimeSpan.FromSeconds(60);

    public static async Task<OpcUaClient> ConnectAsync(OpcUaClientOptions options, ILoggerFactory? loggers = null, TimeProvider? time = null, CancellationToken ct = default)
    {
        var logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("Bridge.Adapters.OpcUa");
        time ??= TimeProvider.System;
        EndpointDescription? securedEndpoint = null;
        if (!options.Security.IsNone)
        {
            (var secured, securedEndpoint) = await SecureAsync(options, time, logger, ct).ConfigureAwait(false);
            options = options with { Channel = options.Channel with { Security = secured } };
        }
        var channel = await UaSecureChannel.OpenAsync(options.EndpointUrl, options.Transport, options.Channel, time, logger, ct).ConfigureAwait(false);
        try
        {
            var endpoint = securedEndpoint ?? await SelectEndpointAsync(channel, options, ct).ConfigureAwait(false);
            var session = await UaSession.CreateAsync(channel, endpoint, options.Session with { Identity = options.Identity }, logger, ct).ConfigureAwait(false);
            var client = new OpcUaClient(options, channel, session, logger, time);
            client.Limits = await client.ReadOperationLimitsAsync(ct).ConfigureAwait(false);
            client.supervisor = Task.Run(client.SuperviseAsync, CancellationToken.None);
            client.watchdog = Task.Run(client.WatchPublishingAsync, CancellationToken.None);
            return client;
        }
        catch
        {
            await channel.CloseAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Asks the server for its endpoints over an unsecured discovery channel, picks the one the configuration
    /// allows, validates its certificate against the PKI folder and returns the policy for the secured channel.
    /// </summary>
    private static async Task<(RsaSecurityPolicy Policy, EndpointDescription Endpoint)> SecureAsync(OpcUaClientOptions options, TimeProvider time, ILogger logger, CancellationToken ct)
    {
        var pki = new PkiStore(options.Security.PkiDir);
        var own = options.Security.ApplicationCertificate;
        if (own is null)
        {
            var existed = File.Exists(Path.Combine(pki.OwnCerts, "bridge.der"));
            own = ApplicationCertificate.LoadOrCreate(pki, options.Session.ApplicationUri, time);
            if (!existed)
            {
                Log.CertificateCreated(logger, own.Thumbprint, options.Session.ApplicationUri, pki.OwnCerts);
            }
        }
        GetEndpointsResponse response;
        var discovery = await UaSecureChannel.OpenAsync(options.EndpointUrl, options.Transport, options.Channel with { Security = SecurityPolicyNone.Instance }, time, logger, ct).ConfigureAwait(false);
        try
        {
            response = await discovery.SendAsync<GetEndpointsRequest, GetEndpointsResponse>(
                new GetEndpointsRequest { EndpointUrl = options.EndpointUrl, ProfileUris = ["http://opcfoundation.org/UA-Profile/Transport/uatcp-uasc-uabinary"] }, ct).ConfigureAwait(false);
        }
        finally
        {
            await discovery.CloseAsync().ConfigureAwait(false);
        }
        var (endpoint, algorithms) = EndpointSelection.Select(response.Endpoints, options.Security, options.EndpointUrl);
        Log.EndpointSelected(logger, options.EndpointUrl, algorithms.ShortName, endpoint.SecurityMode.ToString(), EndpointSelection.Describe(response.Endpoints));
        try
        {
            new CertificateValidator(pki, time).Validate(endpoint.ServerCertificate!, endpoint.Server.ApplicationUri, OpcTcpAddress.Parse(options.EndpointUrl).Host);
        }
        catch (OpcUaException ex)
        {
            Log.ServerCertificateRefused(logger, options.EndpointUrl, ex.Message);
            throw;
        }
        return (new RsaSecurityPolicy(algorithms, endpoint.SecurityMode, own, endpoint.ServerCertificate!), endpoint);
    }

    /// <summary>GetEndpoints, then the endpoint with the channel's SecurityPolicy and MessageSecurityMode.</summary>
    private static async Task<EndpointDescription> SelectEndpointAsync(UaSecureChannel channel, OpcUaClientOptions options, CancellationToken ct)
    {
        var response = await channel.SendAsync<GetEndpointsRequest, GetEndpointsResponse>(
            new GetEndpointsRequest { EndpointUrl = options.EndpointUrl, ProfileUris = ["http://opcfoundation.org/UA-Profile/Transport/uatcp-uasc-uabinary"] }, ct).ConfigureAwait(false);
        var endpoint = response.Endpoints.FirstOrDefault(e => e.SecurityMode == channel.SecurityMode && e.SecurityPolicyUri == channel.SecurityPolicyUri);
        if (endpoint is null)
        {
            var offered = string.Join(", ", response.Endpoints.Select(e => $"{e.SecurityPolicyUri?.Split('#').Last()}/{e.SecurityMode}"));
            throw new OpcUaException(new StatusCode(StatusCodes.BadSecurityPolicyRejected), $"{options.EndpointUrl} offers no endpoint with SecurityPolicy {channel.SecurityPolicyUri.Split('#').Last()}/{channel.SecurityMode} (offered: {offered})");
        }
        return endpoint;
    }

    private async Task<OperationLimits> ReadOperationLimitsAsync(CancellationToken ct)
    {
        uint[] ids =
        [
            WellKnownNodeIds.MaxNodesPerRead, WellKnownNodeIds.MaxNodesPerWrite, WellKnownNodeIds.MaxNodesPerMethodCall,
            WellKnownNodeIds.MaxNodesPerBrowse, WellKnownNodeIds.MaxNodesPerTranslateBrowsePathsToNodeIds, WellKnownNodeIds.MaxMonitoredItemsPerCall,
        ];
        var response = await Session.CallAsync<ReadRequest, ReadResponse>(new ReadRequest
        {
            TimestampsToReturn = TimestampsToReturn.Neither,
            NodesToRead = [.. ids.Select(id => new ReadValueId { NodeId = new NodeId(id), AttributeId = Attributes.Value })],
        }, ct).ConfigureAwait(false);
        var values = response.Results.Select(r => r.StatusCode.IsGood && r.Value.Value is IConvertible c ? Convert.ToUInt32(c, System.Globalization.CultureInfo.InvariantCulture) : 0u).ToArray();
        return values.Length == 6 ? new OperationLimits(values[0], values[1], values[2], values[3], values[4], values[5]) : OperationLimits.None;
    }

    public Task<OpcUaSubscription> CreateSubscriptionAsync(SubscriptionSettings settings, Action<ValueChange> onValue, Action<SubscriptionEvent>? onEvent = null, CancellationToken ct = default) =>
        CreateSubscriptionAsync(settings, onValue, onEvent, null, ct);

    /// <summary>
    /// As above, with <paramref name="onOccurrence"/> receiving the events of items made by <see cref="MonitoredItemRequest.ForEvents"/>.
    /// The callbacks run on the connection's receive loop, one notification message at a time: they must not block.
    /// </summary>
    public async Task<OpcUaSubscription> CreateSubscriptionAsync(SubscriptionSettings settings, Action<ValueChange> onValue, Action<SubscriptionEvent>? onEvent, Action<EventOccurrence>? onOccurrence, CancellationToken ct = default)
    {
        var subscription = new OpcUaSubscription(this, settings, onValue, onEvent, onOccurrence);
        await subscription.CreateOnServerAsync(ct).ConfigureAwait(false);
        subscriptions[subscription] = 0;
        var keepAlive = subscription.RevisedPublishingInterval * Math.Max(1, subscription.RevisedMaxKeepAliveCount);
        PublishTimeout = TimeSpan.FromTicks(Math.Max(PublishTimeout.Ticks, (keepAlive * 3).Ticks));
        if (subscriptions.Count == 1)
        {
            StartPublishing();
        }
        return subscription;
    }

    internal uint NextClientHandle() => (uint)Interlocked.Increment(ref clientHandles);

    internal void Acknowledge(uint subscriptionId, uint sequenceNumber) =>
        acknowledgements.Enqueue(new SubscriptionAcknowledgement { SubscriptionId = subscriptionId, SequenceNumber = sequenceNumber });

    internal SubscriptionAcknowledgement[] TakeAcknowledgements()
    {
        var taken = new List<SubscriptionAcknowledgement>();
        while (taken.Count < 1000 && acknowledgements.TryDequeue(out var ack))
        {
            taken.Add(ack);
        }
        return [.. taken];
    }

    internal void NotePublishResponse() => Interlocked.Exchange(ref lastPublishTicks, Time.GetTimestamp());

    /// <summary>Test seam: returning false drops a Publish response as if it had been lost on the way.</summary>
    internal Func<PublishResponse, bool>? PublishResponseFilter { get; set; }

    internal async Task DispatchAsync(PublishResponse response, CancellationToken ct)
    {
        if (PublishResponseFilter?.Invoke(response) == false)
        {
            return;
        }
        foreach (var subscription in subscriptions.Keys)
        {
            if (subscription.Id == response.SubscriptionId)
            {
                await subscription.OnPublishAsync(response, ct).ConfigureAwait(false);
                return;
            }
        }
    }

    /// <summary>The server answered BadTooManyPublishRequests: keep at most this many outstanding from now on.</summary>
    internal void LimitPublishDepth(int depth) => publishDepth = Math.Clamp(depth, 1, publishDepth);

    internal void Forget(OpcUaSubscription subscription) => subscriptions.TryRemove(subscription, out _);

    internal void RequestRecreate(OpcUaSubscription subscription) =>
        _ = Task.Run(async () =>
        {
            try
            {
                await subscription.RestoreAsync(sessionIsNew: true, TimeSpan.Zero, lifetime.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OpcUaException or OperationCanceledException)
            {
                Logger.LogWarning(ex, "Recreating subscription {SubscriptionId} failed", subscription.Id);
            }
        });

    /// <summary>A session-level failure on a live channel: break the channel so the supervisor reconnects.</summary>
    internal void OnSessionBroken(UaSession session, OpcUaException error)
    {
        if (ReferenceEquals(session, Session) && error is not OpcUaConnectionException)
        {
            session.Channel.Abort(error);
        }
    }

    private void StartPublishing()
    {
        pumpStop = CancellationTokenSource.CreateLinkedTokenSource(lifetime.Token);
        NotePublishResponse();
        var pump = new PublishPump(this, publishDepth);
        var session = Session;
        var token = pumpStop.Token;
        _ = Task.Run(() => pump.RunAsync(session, token), CancellationToken.None);
    }

    private void Raise(ConnectionState state, string detail, TimeSpan? gap = null)
    {
        State = state;
        ConnectionChanged?.Invoke(new ConnectionEvent(state, Time.GetUtcNow(), detail, gap));
    }

    public async ValueTask DisposeAsync()
    {
        if (lifetime.IsCancellationRequested)
        {
            return;
        }
        lifetime.Cancel();
        pumpStop.Cancel();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await Session.CloseAsync(deleteSubscriptions: true, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OpcUaException or OperationCanceledException)
        {
            Logger.LogDebug(ex, "CloseSession failed");
        }
        await channel.CloseAsync().ConfigureAwait(false);
        await Task.WhenAll(supervisor, watchdog).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Raise(ConnectionState.Closed, "closed by the client");
    }
}

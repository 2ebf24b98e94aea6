using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.SecureChannel;
using Bridge.Adapters.OpcUa.Stack.Session;
using Bridge.Adapters.OpcUa.Stack.Transport;

namespace Bridge.Adapters.OpcUa.Stack.Client;

public sealed partial class OpcUaClient
{
    /// <summary>Waits for the channel to break, then reconnects with exponential backoff until it succeeds or the client is disposed.</summary>
    private async Task SuperviseAsync()
    {
        while (!lifetime.IsCancellationRequested)
        {
            var error = await channel.Closed.ConfigureAwait(false);
            if (lifetime.IsCancellationRequested)
            {
                return;
            }
            var lostAt = Time.GetTimestamp();
            await pumpStop.CancelAsync().ConfigureAwait(false);
            var reason = error?.Message ?? "closed";
            Log.ConnectionLost(Logger, options.EndpointUrl, reason);
            Raise(ConnectionState.Reconnecting, reason);
            if (!options.Reconnect)
            {
                Raise(ConnectionState.Closed, reason);
                return;
            }
            await ReconnectAsync(lostAt).ConfigureAwait(false);
        }
    }

    private async Task ReconnectAsync(long lostAt)
    {
        var delay = options.ReconnectMinDelay;
        for (var attempt = 1; !lifetime.IsCancellationRequested; attempt++)
        {
            UaSecureChannel? fresh = null;
            try
            {
                fresh = await UaSecureChannel.OpenAsync(options.EndpointUrl, options.Transport, options.Channel, Time, Logger, lifetime.Token).ConfigureAwait(false);
                var sessionIsNew = false;
                try
                {
                    await Session.ActivateAsync(fresh, lifetime.Token).ConfigureAwait(false);
                }
                catch (OpcUaServiceException)
                {
                    // The server no longer knows the session (restarted, or the session timed out): start a new one.
                    var endpoint = await SelectEndpointAsync(fresh, options, lifetime.Token).ConfigureAwait(false);
                    Session = await UaSession.CreateAsync(fresh, endpoint, options.Session with { Identity = options.Identity }, Logger, lifetime.Token).ConfigureAwait(false);
                    sessionIsNew = true;
                }
                channel = fresh;
                Limits = await ReadOperationLimitsAsync(lifetime.Token).ConfigureAwait(false);
                var gap = Time.GetElapsedTime(lostAt);
                while (acknowledgements.TryDequeue(out _))
                {
                    // Acknowledgements for an old session's sequence numbers mean nothing to a new one.
                }
                foreach (var subscription in subscriptions.Keys)
                {
                    await subscription.RestoreAsync(sessionIsNew, gap, lifetime.Token).ConfigureAwait(false);
                }
                if (!subscriptions.IsEmpty)
                {
                    StartPublishing();
                }
                var how = sessionIsNew ? "new session" : "session re-activated";
                Log.Reconnected(Logger, options.EndpointUrl, (long)gap.TotalMilliseconds, how);
                Raise(ConnectionState.Connected, $"reconnected ({how}) after {gap.TotalMilliseconds:0} ms", gap);
                return;
            }
            catch (Exception ex) when (ex is OpcUaException or IOException && !lifetime.IsCancellationRequested)
            {
                if (fresh is not null)
                {
                    await fresh.DisposeAsync().ConfigureAwait(false);
                }
                Log.ReconnectFailed(Logger, attempt, options.EndpointUrl, ex.Message, (long)delay.TotalMilliseconds);
                try
                {
                    await Task.Delay(delay, Time, lifetime.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.ReconnectMaxDelay.Ticks));
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>A server that stops answering Publish (no data, no keep-alive) is treated as gone.</summary>
    private async Task WatchPublishingAsync()
    {
        try
        {
            while (!lifetime.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), Time, lifetime.Token).ConfigureAwait(false);
                if (subscriptions.IsEmpty || State != ConnectionState.Connected)
                {
                    continue;
                }
                var silent = Time.GetElapsedTime(Interlocked.Read(ref lastPublishTicks));
                var allowed = PublishTimeout + TimeSpan.FromSeconds(5);
                if (silent > allowed)
                {
                    channel.Abort(new OpcUaConnectionException(new StatusCode(StatusCodes.BadNoCommunication), $"No Publish response for {silent.TotalSeconds:0} s"));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}

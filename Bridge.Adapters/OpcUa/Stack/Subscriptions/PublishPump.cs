using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;
using Bridge.Adapters.OpcUa.Stack.SecureChannel;
using Bridge.Adapters.OpcUa.Stack.Session;
using Bridge.Adapters.OpcUa.Stack.Transport;

namespace Bridge.Adapters.OpcUa.Stack.Subscriptions;

/// <summary>
/// Keeps several Publish requests outstanding on a session and handles the responses in the order the requests
/// were sent — the order the server answers them — so notification messages arrive in sequence. When the server
/// says it has more notifications than fit in one message, one more request joins the pipeline (up to
/// <see cref="MaxDepth"/>), so a burst of changes is drained in one publishing interval instead of being
/// overwritten in the server's queues. Each response is delivered before the next request is sent, so that
/// request carries the response's acknowledgement and the server frees its retransmission queue at once.
/// Responses are decoded and delivered on the secure channel's receive loop, without a hop to another thread:
/// value callbacks run there and must not block.
/// </summary>
internal sealed class PublishPump(OpcUaClient client, int depth)
{
    /// <summary>
    /// Measured against node-opcua changing 10,000 items as fast as it can: a C client keeping 10 requests in
    /// flight received every change and lost changes above 10 in a sweep; Bridge, growing to 20, received 81–85 %.
    /// </summary>
    public const int MaxDepth = 10;

    public async Task RunAsync(UaSession session, CancellationToken ct)
    {
        var outstanding = new Queue<Task<PublishResponse>>();
        var target = depth;
        for (var i = 0; i < target; i++)
        {
            outstanding.Enqueue(SendAsync(session, ct));
        }
        while (!ct.IsCancellationRequested && outstanding.Count > 0)
        {
            var next = outstanding.Dequeue();
            try
            {
                var response = await next.ConfigureAwait(false);
                client.NotePublishResponse();
                await client.DispatchAsync(response, ct).ConfigureAwait(false);
                outstanding.Enqueue(SendAsync(session, ct));
                if (response.MoreNotifications && outstanding.Count < Math.Min(target * 2, MaxDepth))
                {
                    outstanding.Enqueue(SendAsync(session, ct));
                }
            }
            catch (OpcUaServiceException ex) when (ex.StatusCode.Code is StatusCodes.BadNoSubscription)
            {
                client.NotePublishResponse();
                await Task.Delay(TimeSpan.FromMilliseconds(100), client.Time, ct).ConfigureAwait(false);
                outstanding.Enqueue(SendAsync(session, ct));
            }
            catch (OpcUaServiceException ex) when (ex.StatusCode.Code is StatusCodes.BadTooManyPublishRequests)
            {
                target = Math.Max(1, outstanding.Count);
                client.LimitPublishDepth(target);
                if (outstanding.Count == 0)
                {
                    outstanding.Enqueue(SendAsync(session, ct));
                }
            }
            catch (OpcUaException ex) when (ex.StatusCode.Code is StatusCodes.BadTimeout && ex is not OpcUaConnectionException)
            {
                outstanding.Enqueue(SendAsync(session, ct));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (OpcUaException ex)
            {
                Log.PublishFailed(client.Logger, ex.Message);
                client.OnSessionBroken(session, ex);
                break;
            }
        }
        foreach (var task in outstanding)
        {
            _ = task.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        }
    }

    private Task<PublishResponse> SendAsync(UaSession session, CancellationToken ct) =>
        session.CallAsync<PublishRequest, PublishResponse>(
            new PublishRequest { SubscriptionAcknowledgements = client.TakeAcknowledgements() }, ct, client.PublishTimeout, continueOnReceiveLoop: true);
}

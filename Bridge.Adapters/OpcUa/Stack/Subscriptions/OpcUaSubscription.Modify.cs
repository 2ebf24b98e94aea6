using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;

namespace Bridge.Adapters.OpcUa.Stack.Subscriptions;

public sealed partial class OpcUaSubscription
{
    /// <summary>
    /// ModifySubscription (Part 4, 5.13.3): new publishing interval and counts on the live subscription, without a
    /// reconnect or a gap; a later recreation uses them too.
    /// </summary>
    public async Task ModifyAsync(SubscriptionSettings settings, CancellationToken ct = default)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var response = await client.Session.CallAsync<ModifySubscriptionRequest, ModifySubscriptionResponse>(new ModifySubscriptionRequest
            {
                SubscriptionId = Id,
                RequestedPublishingInterval = settings.PublishingInterval.TotalMilliseconds,
                RequestedMaxKeepAliveCount = settings.MaxKeepAliveCount,
                RequestedLifetimeCount = Math.Max(settings.LifetimeCount, settings.MaxKeepAliveCount * 3),
                MaxNotificationsPerPublish = settings.MaxNotificationsPerPublish,
                Priority = settings.Priority,
            }, ct).ConfigureAwait(false);
            Settings = settings;
            RevisedPublishingInterval = TimeSpan.FromMilliseconds(response.RevisedPublishingInterval);
            RevisedMaxKeepAliveCount = response.RevisedMaxKeepAliveCount;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// ModifyMonitoredItems (Part 4, 5.12.3): new sampling interval, queue size or deadband for items already on
    /// the server, in batches within MaxMonitoredItemsPerCall. Returns each item's status; a good one keeps its new request.
    /// </summary>
    public async Task<IReadOnlyList<StatusCode>> ModifyItemsAsync(IReadOnlyList<(MonitoredItem Item, MonitoredItemRequest Request)> changes, CancellationToken ct = default)
    {
        var results = new List<StatusCode>(changes.Count);
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            foreach (var batch in changes.Chunk(OperationLimits.BatchSize(client.Limits.MaxMonitoredItemsPerCall)))
            {
                var response = await client.Session.CallAsync<ModifyMonitoredItemsRequest, ModifyMonitoredItemsResponse>(new ModifyMonitoredItemsRequest
                {
                    SubscriptionId = Id,
                    TimestampsToReturn = TimestampsToReturn.Both,
                    ItemsToModify = [.. batch.Select(change => new MonitoredItemModifyRequest
                    {
                        MonitoredItemId = change.Item.ServerId,
                        RequestedParameters = new MonitoringParameters
                        {
                            ClientHandle = change.Item.ClientHandle,
                            SamplingInterval = change.Request.SamplingInterval,
                            Filter = change.Request.Filter(),
                            QueueSize = change.Request.QueueSize,
                            DiscardOldest = true,
                        },
                    })],
                }, ct).ConfigureAwait(false);
                if (response.Results.Length != batch.Length)
                {
                    throw new OpcUaException(new StatusCode(StatusCodes.BadUnexpectedError), $"ModifyMonitoredItems returned {response.Results.Length} results for {batch.Length} items");
                }
                for (var i = 0; i < batch.Length; i++)
                {
                    var result = response.Results[i];
                    if (result.StatusCode.IsGood)
                    {
                        batch[i].Item.Request = batch[i].Request with { NodeId = batch[i].Item.NodeId, Key = batch[i].Item.Request.Key };
                        batch[i].Item.RevisedSamplingInterval = result.RevisedSamplingInterval;
                    }
                    results.Add(result.StatusCode);
                }
            }
        }
        finally
        {
            gate.Release();
        }
        return results;
    }
}

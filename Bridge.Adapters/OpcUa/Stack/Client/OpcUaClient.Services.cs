using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;

namespace Bridge.Adapters.OpcUa.Stack.Client;

/// <summary>Attribute, view and method services, split into calls within the server's operation limits.</summary>
public sealed partial class OpcUaClient
{
    public async Task<IReadOnlyList<DataValue>> ReadAsync(IReadOnlyList<ReadValueId> nodes, TimestampsToReturn timestamps = TimestampsToReturn.Both, CancellationToken ct = default)
    {
        var results = new List<DataValue>(nodes.Count);
        foreach (var batch in nodes.Chunk(OperationLimits.BatchSize(Limits.MaxNodesPerRead)))
        {
            var response = await Session.CallAsync<ReadRequest, ReadResponse>(new ReadRequest { TimestampsToReturn = timestamps, NodesToRead = batch }, ct).ConfigureAwait(false);
            results.AddRange(CheckCount(response.Results, batch.Length, "Read"));
        }
        return results;
    }

    public async Task<IReadOnlyList<DataValue>> ReadValuesAsync(IEnumerable<NodeId> nodes, CancellationToken ct = default) =>
        await ReadAsync([.. nodes.Select(n => new ReadValueId { NodeId = n, AttributeId = Attributes.Value })], TimestampsToReturn.Both, ct).ConfigureAwait(false);

    public async Task<IReadOnlyList<StatusCode>> WriteAsync(IReadOnlyList<WriteValue> values, CancellationToken ct = default)
    {
        var results = new List<StatusCode>(values.Count);
        foreach (var batch in values.Chunk(OperationLimits.BatchSize(Limits.MaxNodesPerWrite)))
        {
            var response = await Session.CallAsync<WriteRequest, WriteResponse>(new WriteRequest { NodesToWrite = batch }, ct).ConfigureAwait(false);
            results.AddRange(CheckCount(response.Results, batch.Length, "Write"));
        }
        return results;
    }

    public async Task<StatusCode> WriteValueAsync(NodeId node, Variant value, CancellationToken ct = default) =>
        (await WriteAsync([new WriteValue { NodeId = node, AttributeId = Attributes.Value, Value = new DataValue(value) }], ct).ConfigureAwait(false))[0];

    /// <summary>Browses nodes and follows continuation points with BrowseNext until every reference is read.</summary>
    public async Task<IReadOnlyList<BrowseResult>> BrowseAsync(IReadOnlyList<BrowseDescription> nodes, CancellationToken ct = default)
    {
        var results = new List<BrowseResult>(nodes.Count);
        foreach (var batch in nodes.Chunk(OperationLimits.BatchSize(Limits.MaxNodesPerBrowse)))
        {
            var response = await Session.CallAsync<BrowseRequest, BrowseResponse>(new BrowseRequest { NodesToBrowse = batch, RequestedMaxReferencesPerNode = 1000 }, ct).ConfigureAwait(false);
            foreach (var result in CheckCount(response.Results, batch.Length, "Browse"))
            {
                results.Add(await BrowseRemainderAsync(result, ct).ConfigureAwait(false));
            }
        }
        return results;
    }

    /// <summary>The forward hierarchical references of one node (all of them, across continuation points).</summary>
    public async Task<IReadOnlyList<ReferenceDescription>> BrowseAsync(NodeId node, CancellationToken ct = default)
    {
        var result = (await BrowseAsync([new BrowseDescription
        {
            NodeId = node,
            BrowseDirection = BrowseDirection.Forward,
            ReferenceTypeId = new NodeId(WellKnownNodeIds.HierarchicalReferences),
            IncludeSubtypes = true,
            ResultMask = 63,
        }], ct).ConfigureAwait(false))[0];
        if (result.StatusCode.IsBad)
        {
            throw new OpcUaException(result.StatusCode, $"Browse of {node} failed");
        }
        return result.References;
    }

    private async Task<BrowseResult> BrowseRemainderAsync(BrowseResult first, CancellationToken ct)
    {
        var references = new List<ReferenceDescription>(first.References);
        var continuation = first.ContinuationPoint;
        var status = first.StatusCode;
        while (continuation is { Length: > 0 } && status.IsGood)
        {
            var next = await Session.CallAsync<BrowseNextRequest, BrowseNextResponse>(new BrowseNextRequest { ContinuationPoints = [continuation] }, ct).ConfigureAwait(false);
            var result = CheckCount(next.Results, 1, "BrowseNext")[0];
            references.AddRange(result.References);
            continuation = result.ContinuationPoint;
            status = result.StatusCode;
        }
        return new BrowseResult { StatusCode = status, References = [.. references] };
    }

    public async Task<IReadOnlyList<BrowsePathResult>> TranslateBrowsePathsAsync(IReadOnlyList<BrowsePath> paths, CancellationToken ct = default)
    {
        var results = new List<BrowsePathResult>(paths.Count);
        foreach (var batch in paths.Chunk(OperationLimits.BatchSize(Limits.MaxNodesPerTranslateBrowsePathsToNodeIds)))
        {
            var response = await Session.CallAsync<TranslateBrowsePathsToNodeIdsRequest, TranslateBrowsePathsToNodeIdsResponse>(
                new TranslateBrowsePathsToNodeIdsRequest { BrowsePaths = batch }, ct).ConfigureAwait(false);
            results.AddRange(CheckCount(response.Results, batch.Length, "TranslateBrowsePathsToNodeIds"));
        }
        return results;
    }

    /// <summary>Resolves a NodeId text (<c>ns=1;s=X</c>) or a browse path from the Root folder (<c>/Objects/1:Bridge/1:Counters</c>).</summary>
    public async Task<NodeId> ResolveNodeAsync(string nodeOrPath, CancellationToken ct = default)
    {
        if (!nodeOrPath.StartsWith('/'))
        {
            return NodeId.Parse(nodeOrPath);
        }
        var path = BrowsePaths.Parse(nodeOrPath);
        var result = (await TranslateBrowsePathsAsync([path], ct).ConfigureAwait(false))[0];
        var target = result.Targets.FirstOrDefault(t => t.RemainingPathIndex == uint.MaxValue);
        if (result.StatusCode.IsBad || target is null || target.TargetId.ServerIndex != 0 || target.TargetId.NamespaceUri is not null)
        {
            throw new OpcUaException(result.StatusCode.IsBad ? result.StatusCode : new StatusCode(StatusCodes.BadNoMatch), $"Browse path '{nodeOrPath}' does not lead to a local node");
        }
        return target.TargetId.NodeId;
    }

    public async Task<IReadOnlyList<CallMethodResult>> CallAsync(IReadOnlyList<CallMethodRequest> calls, CancellationToken ct = default)
    {
        var results = new List<CallMethodResult>(calls.Count);
        foreach (var batch in calls.Chunk(OperationLimits.BatchSize(Limits.MaxNodesPerMethodCall)))
        {
            var response = await Session.CallAsync<CallRequest, CallResponse>(new CallRequest { MethodsToCall = batch }, ct).ConfigureAwait(false);
            results.AddRange(CheckCount(response.Results, batch.Length, "Call"));
        }
        return results;
    }

    public async Task<CallMethodResult> CallMethodAsync(NodeId objectId, NodeId methodId, IReadOnlyList<Variant> inputs, CancellationToken ct = default) =>
        (await CallAsync([new CallMethodRequest { ObjectId = objectId, MethodId = methodId, InputArguments = [.. inputs] }], ct).ConfigureAwait(false))[0];

    private static T[] CheckCount<T>(T[] results, int expected, string service) =>
        results.Length == expected
            ? results
            : throw new OpcUaException(new StatusCode(StatusCodes.BadUnexpectedError), $"{service} returned {results.Length} results for {expected} operations");
}

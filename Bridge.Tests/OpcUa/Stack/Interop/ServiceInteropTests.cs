using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;
using Bridge.Adapters.OpcUa.Stack.SecureChannel;

namespace Bridge.Tests.OpcUa.Stack.Interop;

// These classes all write the test server's one Writable.JobNumber node: they take turns.
[Collection("opcua-writable-jobnumber")]
[Trait("Category", "Integration")]
public class ServiceInteropTests
{
    [Fact]
    public async Task Connect_ReadsOperationLimitsFromServer()
    {
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        client.Limits.MaxMonitoredItemsPerCall.ShouldBe(1000u);
        client.Limits.MaxNodesPerRead.ShouldBe(1000u);
        client.Endpoint.SecurityPolicyUri.ShouldBe(SecurityPolicyUris.None);
    }

    [Fact]
    public async Task Browse_ObjectsFolder_FindsBridgeFolder_AndManyFollowsContinuationPoints()
    {
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        var objects = await client.BrowseAsync(new NodeId(WellKnownNodeIds.ObjectsFolder));
        objects.ShouldContain(r => r.BrowseName.Name == "Bridge" && r.NodeClass == NodeClass.Object);
        objects.ShouldContain(r => r.BrowseName.Name == "Server");
        var many = await client.BrowseAsync(NodeId.Parse("ns=1;s=Many"));
        many.Count(r => r.NodeClass == NodeClass.Variable).ShouldBe(10_000);
    }

    [Fact]
    public async Task TranslateBrowsePath_ResolvesToTheNode()
    {
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        (await client.ResolveNodeAsync("/Objects/1:Bridge/1:Counters/1:Parts")).ShouldBe(NodeId.Parse("ns=1;s=Counters.Parts"));
        var missing = await Should.ThrowAsync<Bridge.Adapters.OpcUa.Stack.OpcUaException>(() => client.ResolveNodeAsync("/Objects/1:Bridge/1:Nope"));
        missing.Message.ShouldContain("/Objects/1:Bridge/1:Nope");
    }

    public static TheoryData<string, BuiltInType, string> ScalarNodes => new()
    {
        { "Boolean", BuiltInType.Boolean, "true" },
        { "SByte", BuiltInType.SByte, "-12" },
        { "Byte", BuiltInType.Byte, "200" },
        { "Int16", BuiltInType.Int16, "-32000" },
        { "UInt16", BuiltInType.UInt16, "65000" },
        { "Int32", BuiltInType.Int32, "-2000000000" },
        { "UInt32", BuiltInType.UInt32, "4000000000" },
        { "Int64", BuiltInType.Int64, "-2" },
        { "UInt64", BuiltInType.UInt64, "4294967298" },
        { "Float", BuiltInType.Float, "-6.5" },
        { "Double", BuiltInType.Double, "3.14159" },
        { "String", BuiltInType.String, "水Boy" },
        { "DateTime", BuiltInType.DateTime, "2024-01-02T03:04:05.6780000Z" },
        { "Guid", BuiltInType.Guid, "72962b91-fa75-4ae6-8d28-b404dc7daf63" },
        { "ByteString", BuiltInType.ByteString, "AQID+g==" },
        { "XmlElement", BuiltInType.XmlElement, "<a>1</a>" },
        { "NodeId", BuiltInType.NodeId, "ns=1;s=Hot水" },
        { "ExpandedNodeId", BuiltInType.ExpandedNodeId, "ns=1;i=1025" },
        { "StatusCode", BuiltInType.StatusCode, "BadNodeIdUnknown" },
        { "QualifiedName", BuiltInType.QualifiedName, "1:Part" },
        { "LocalizedText", BuiltInType.LocalizedText, "[de-DE] Teil" },
    };

    [Theory]
    [MemberData(nameof(ScalarNodes))]
    public async Task Read_EveryBuiltInScalar_DecodesNodeOpcUasValue(string name, BuiltInType type, string expected)
    {
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        var value = (await client.ReadValuesAsync([NodeId.Parse($"ns=1;s=Scalars.{name}")]))[0];
        value.StatusCode.IsGood.ShouldBeTrue(value.StatusCode.Name);
        value.Value.Type.ShouldBe(type);
        value.Value.IsArray.ShouldBeFalse();
        value.Value.ToString().ShouldBe(expected);
        value.ServerTimestamp.ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(ScalarNodes))]
    public async Task Read_EveryBuiltInArray_DecodesAllElements(string name, BuiltInType type, string unused)
    {
        _ = unused;
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        var value = (await client.ReadValuesAsync([NodeId.Parse($"ns=1;s=Arrays.{name}")]))[0];
        value.StatusCode.IsGood.ShouldBeTrue(value.StatusCode.Name);
        value.Value.Type.ShouldBe(type);
        value.Value.IsArray.ShouldBeTrue();
        ((Array)value.Value.Value!).Length.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Read_Matrix_KeepsDimensions()
    {
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        var value = (await client.ReadValuesAsync([NodeId.Parse("ns=1;s=Arrays.MatrixInt32")]))[0];
        value.Value.ArrayDimensions.ShouldBe([2, 3]);
        value.Value.Value.ShouldBe(new[] { 1, 2, 3, 4, 5, 6 });
    }

    [Fact]
    public async Task Read_UnknownNode_CarriesStatusName()
    {
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        var value = (await client.ReadValuesAsync([NodeId.Parse("ns=1;s=DoesNotExist")]))[0];
        value.StatusCode.Name.ShouldBe("BadNodeIdUnknown");
    }

    [Fact]
    public async Task Read_MoreNodesThanMaxNodesPerRead_IsSplitIntoBatches()
    {
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        var nodes = Enumerable.Range(0, 2500).Select(i => NodeId.Parse($"ns=1;s=Many.V{i:00000}")).ToList();
        var values = await client.ReadValuesAsync(nodes);
        values.Count.ShouldBe(2500);
        values.ShouldAllBe(v => v.StatusCode.IsGood && v.Value.Type == BuiltInType.Double);
    }

    [Fact]
    public async Task Write_ThenRead_ReturnsWrittenValues()
    {
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        var job = $"JOB-{Guid.NewGuid():N}";
        (await client.WriteValueAsync(NodeId.Parse("ns=1;s=Writable.JobNumber"), Variant.From(job))).IsGood.ShouldBeTrue();
        (await client.WriteValueAsync(NodeId.Parse("ns=1;s=Arrays.Double"), new Variant(BuiltInType.Double, new[] { 1.25, 2.5 }))).IsGood.ShouldBeTrue();
        var values = await client.ReadValuesAsync([NodeId.Parse("ns=1;s=Writable.JobNumber"), NodeId.Parse("ns=1;s=Arrays.Double")]);
        values[0].Value.Value.ShouldBe(job);
        values[1].Value.Value.ShouldBe(new[] { 1.25, 2.5 });
    }

    [Fact]
    public async Task Write_WrongType_ReturnsBadTypeMismatch()
    {
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        var status = await client.WriteValueAsync(NodeId.Parse("ns=1;s=Writable.Ack"), Variant.From("not a boolean"));
        status.Name.ShouldBe("BadTypeMismatch");
    }

    [Fact]
    public async Task Call_Add_ReturnsSum()
    {
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        var result = await client.CallMethodAsync(NodeId.Parse("ns=1;s=Methods"), NodeId.Parse("ns=1;s=Methods.Add"), [Variant.From(2.5), Variant.From(4.0)]);
        result.StatusCode.IsGood.ShouldBeTrue(result.StatusCode.Name);
        result.OutputArguments.Single().Value.ShouldBe(6.5);
    }

    [Fact]
    public async Task Call_WithMissingArguments_ReportsStatus()
    {
        await using var client = await OpcUaTestServer.ConnectAsync();
        if (client is null)
        {
            return;
        }
        var result = await client.CallMethodAsync(NodeId.Parse("ns=1;s=Methods"), NodeId.Parse("ns=1;s=Methods.Add"), [Variant.From(2.5)]);
        result.StatusCode.IsBad.ShouldBeTrue();
        result.StatusCode.Name.ShouldBe("BadArgumentsMissing");
    }
}

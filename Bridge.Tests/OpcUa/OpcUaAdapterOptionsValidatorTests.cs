using Bridge.Adapters.OpcUa;

namespace Bridge.Tests.OpcUa;

public class OpcUaAdapterOptionsValidatorTests
{
    [Fact]
    public void Valid_Options_Pass()
    {
        new OpcUaAdapterOptionsValidator().Validate("line1", Valid()).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Every_Problem_IsListed_WithAdapterAndNode()
    {
        var options = Valid();
        options.EndpointUrl = "http://plc";
        options.User = "operator";
        options.Nodes.Add(new OpcUaNodeOptions { Key = "parts", NodeId = "ns=1;x=1", MessageType = "" });
        options.Nodes.Add(new OpcUaNodeOptions { Key = "weight", NodeId = "i=1", BrowsePath = "/Objects/1:W", MessageType = "bin", Deadband = "percent", DeadbandValue = 150 });
        options.Nodes.Add(new OpcUaNodeOptions { Key = "count2", BrowsePath = "/Objects/1:C", MessageType = "c", Kind = "counter", Deadband = "absolute", DeadbandValue = 1 });

        var result = new OpcUaAdapterOptionsValidator().Validate("line1", options);

        result.Failed.ShouldBeTrue();
        var failures = result.Failures!.ToList();
        failures.ShouldContain("opcua adapter 'line1': endpoint must be an opc.tcp:// URL, was 'http://plc'");
        failures.ShouldContain("opcua adapter 'line1': user 'operator' needs passwordEnv naming the environment variable with the password");
        failures.ShouldContain("opcua adapter 'line1': node key 'parts' is used twice");
        failures.ShouldContain(f => f.StartsWith("opcua adapter 'line1', node 'parts': nodeId 'ns=1;x=1' is not a NodeId", StringComparison.Ordinal));
        failures.ShouldContain("opcua adapter 'line1', node 'parts': messageType is required (the inbound mapping the values feed)");
        failures.ShouldContain("opcua adapter 'line1', node 'weight': give exactly one of nodeId and browsePath");
        failures.ShouldContain("opcua adapter 'line1', node 'weight': deadbandValue 150 is out of range for a percent deadband");
        failures.ShouldContain("opcua adapter 'line1', node 'count2': a counter must not have a deadband (it would hide counts)");
    }

    [Fact]
    public void Events_WithoutMessageType_OrWithOverlappingSelectClauses_AreListed_WithTheLineOfTheEntry()
    {
        const string yaml = """
            endpointUrl: opc.tcp://127.0.0.1:4840/
            events:
              - key: alarms
                messageType: alarm
              - key: tank
                browsePath: Objects/1:Tank
                select: [Message, ActiveState, ActiveState/Id, ""]
            """;

        var file = Bridge.Adapters.OpcUa.DeviceFiles.OpcUaDeviceFile.Parse("line1.yaml", "line1", yaml);

        file.Options.ShouldBeNull();
        file.Errors.Select(e => e.Message).ShouldBe([
            "opcua adapter 'line1', event 'tank': browsePath 'Objects/1:Tank' must start at the Root folder with '/'",
            "opcua adapter 'line1', event 'tank': messageType is required (the inbound mapping the events feed)",
            "opcua adapter 'line1', event 'tank': select clause 'ActiveState/Id' repeats or contains another clause (each becomes one JSON field)",
            "opcua adapter 'line1', event 'tank': select clause 4 is empty",
        ]);
        file.Errors.ShouldAllBe(e => e.Line >= 5);
    }

    internal static OpcUaAdapterOptions Valid() => new()
    {
        EndpointUrl = "opc.tcp://127.0.0.1:4840/",
        Nodes =
        [
            new OpcUaNodeOptions { Key = "parts", BrowsePath = "/Objects/1:Bridge/1:Counters/1:Parts", MessageType = "parts-consumed", Kind = "counter", CounterMax = 4294967295 },
        ],
        Writes = [new OpcUaWriteTargetOptions { Key = "ack", NodeId = "ns=1;s=Writable.Ack" }],
    };
}

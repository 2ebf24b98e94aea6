using Bridge.Adapters.OpcUa.Devices;

namespace Bridge.Tests.OpcUa.Devices;

public class OpcUaDeviceFileTests
{
    private const string Valid = """
        system: line1-plc
        endpointUrl: opc.tcp://127.0.0.1:4840/
        user: operator
        passwordEnv: BRIDGE_OPCUA_LINE1_PASSWORD
        publishingIntervalMs: 250
        nodes:
          - key: parts-station-3
            browsePath: /Objects/1:Bridge/1:Counters/1:Parts
            kind: counter
            counterMax: 4294967295
            messageType: parts-consumed
            metadata: { location: L1-ST3, material: M-100, unit: PCE }
          - key: bin-7-level
            nodeId: ns=1;s=Writable.Level
            deadband: absolute
            deadbandValue: 0.5
            messageType: bin-level
            metadata: { location: L1-BIN7, unit: KG }
        writes:
          - key: ack
            nodeId: ns=1;s=Writable.Ack
          - key: job-number
            browsePath: /Objects/1:Bridge/1:Writable/1:JobNumber
        """;

    [Fact]
    public void ValidFile_Loads()
    {
        var result = OpcUaDeviceFile.Parse("devices/line1.yaml", "line1", Valid);
        result.Errors.ShouldBeEmpty();
        var options = result.Options!;
        options.System.ShouldBe("line1-plc");
        options.Nodes.Count.ShouldBe(2);
        options.Nodes[0].CounterMax.ShouldBe(4294967295m);
        options.Nodes[0].Metadata["location"].ShouldBe("L1-ST3");
        options.Nodes[1].Deadband.ShouldBe("absolute");
        options.Writes.Select(w => w.Key).ShouldBe(["ack", "job-number"]);
    }

    [Fact]
    public void UnknownKey_IsReportedWithLineAndColumn()
    {
        var yaml = Valid.Replace("    deadbandValue: 0.5", "    deadbandVal: 0.5", StringComparison.Ordinal);
        var result = OpcUaDeviceFile.Parse("devices/line1.yaml", "line1", yaml);
        result.Options.ShouldBeNull();
        result.Errors.Single().ShouldStartWith("devices/line1.yaml:16:5:");
        result.Errors.Single().ShouldContain("deadbandVal");
    }

    [Fact]
    public void WrongValueType_IsReportedWithLineAndColumn()
    {
        var yaml = Valid.Replace("publishingIntervalMs: 250", "publishingIntervalMs: fast", StringComparison.Ordinal);
        var result = OpcUaDeviceFile.Parse("devices/line1.yaml", "line1", yaml);
        result.Errors.Single().ShouldStartWith("devices/line1.yaml:5:");
    }

    [Fact]
    public void RuleViolations_AreAllReportedWithTheFile()
    {
        var yaml = Valid.Replace("messageType: bin-level", "messageType: ''", StringComparison.Ordinal).Replace("kind: counter", "kind: gauge", StringComparison.Ordinal);
        var result = OpcUaDeviceFile.Parse("devices/line1.yaml", "line1", yaml);
        result.Errors.ShouldContain("devices/line1.yaml: opcua adapter 'line1', node 'parts-station-3': kind must be 'value' or 'counter', was 'gauge'");
        result.Errors.ShouldContain("devices/line1.yaml: opcua adapter 'line1', node 'bin-7-level': messageType is required (the inbound mapping the values feed)");
    }
}

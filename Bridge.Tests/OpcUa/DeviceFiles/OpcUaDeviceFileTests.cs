using Bridge.Adapters.OpcUa.DeviceFiles;

namespace Bridge.Tests.OpcUa.DeviceFiles;

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
        var error = result.Errors.Single();
        (error.File, error.Line, error.Column).ShouldBe(("devices/line1.yaml", 16, 5));
        error.ToString().ShouldStartWith("devices/line1.yaml:16:5: ");
        error.Message.ShouldContain("deadbandVal");
    }

    [Fact]
    public void WrongValueType_IsReportedWithLineAndColumn()
    {
        var yaml = Valid.Replace("publishingIntervalMs: 250", "publishingIntervalMs: fast", StringComparison.Ordinal);
        var result = OpcUaDeviceFile.Parse("devices/line1.yaml", "line1", yaml);
        result.Errors.Single().ToString().ShouldStartWith("devices/line1.yaml:5:");
    }

    [Fact]
    public void RuleViolations_AreAllReportedWithTheFile()
    {
        var yaml = Valid.Replace("messageType: bin-level", "messageType: ''", StringComparison.Ordinal).Replace("kind: counter", "kind: gauge", StringComparison.Ordinal);
        var result = OpcUaDeviceFile.Parse("devices/line1.yaml", "line1", yaml);
        result.Errors.Select(e => e.ToString()).ShouldBe(
        [
            "devices/line1.yaml:9:5: opcua adapter 'line1', node 'parts-station-3': kind must be 'value' or 'counter', was 'gauge'",
            "devices/line1.yaml:10:5: opcua adapter 'line1', node 'parts-station-3': counterMax must be positive and needs kind 'counter'",
            "devices/line1.yaml:17:5: opcua adapter 'line1', node 'bin-7-level': messageType is required (the inbound mapping the values feed)",
        ]);
    }

    [Fact]
    public void RuleViolationOfADefault_IsReportedAtItsEntry_AndOfTheWholeDevice_AtTheStart()
    {
        var yaml = "endpointUrl: opc.tcp://127.0.0.1:4840/\nwrites:\n  - key: ack\n    nodeId: ns=1;s=Ack\n  - key: ack\n    nodeId: ns=1;s=Ack2\n  - key: other\n";
        var result = OpcUaDeviceFile.Parse("d.yaml", "d", yaml);
        result.Errors.Select(e => e.ToString()).ShouldBe(
        [
            "d.yaml:5:5: opcua adapter 'd': write key 'ack' is used twice",
            "d.yaml:7:5: opcua adapter 'd', write 'other': give exactly one of nodeId and browsePath",
        ]);
        OpcUaDeviceFile.Parse("e.yaml", "e", "endpointUrl: opc.tcp://h:1/\n").Errors.Single().ToString()
            .ShouldBe("e.yaml:1:1: opcua adapter 'e': no nodes and no writes configured");
    }

    [Fact]
    public void SecuredDevice_Loads()
    {
        const string yaml = "endpointUrl: opc.tcp://127.0.0.1:4840/\nsecurityPolicy: Basic256Sha256\nsecurityMode: SignAndEncrypt\npkiDir: /var/lib/bridge/pki\n"
            + "userTokenType: x509\nuserCertificate: /etc/bridge/line1-user.pem\nuserKey: /etc/bridge/line1-user.key\nwrites:\n  - key: ack\n    nodeId: ns=1;s=Ack\n";
        var result = OpcUaDeviceFile.Parse("s.yaml", "s", yaml);
        result.Errors.ShouldBeEmpty();
        result.Options!.SecurityPolicy.ShouldBe("Basic256Sha256");
        result.Options.SecurityMode.ShouldBe("SignAndEncrypt");
        result.Options.PkiDir.ShouldBe("/var/lib/bridge/pki");
    }

    [Fact]
    public void SecuritySettings_AreCheckedAtTheirLine()
    {
        const string yaml = "endpointUrl: opc.tcp://127.0.0.1:4840/\nsecurityPolicy: Basic128\nsecurityMode: Encrypt\nuserTokenType: x509\nwrites:\n  - key: ack\n    nodeId: ns=1;s=Ack\n";
        OpcUaDeviceFile.Parse("s.yaml", "s", yaml).Errors.Select(e => e.ToString()).ShouldBe(
        [
            "s.yaml:2:1: opcua adapter 's': securityPolicy must be one of None, Best, Basic256Sha256, Aes128_Sha256_RsaOaep, Aes256_Sha256_RsaPss, was 'Basic128'",
            "s.yaml:4:1: opcua adapter 's': userTokenType x509 needs userCertificate and userKey (PEM files)",
        ]);
        const string modeOnly = "endpointUrl: opc.tcp://127.0.0.1:4840/\nsecurityPolicy: Best\nsecurityMode: Encrypt\nwrites:\n  - key: ack\n    nodeId: ns=1;s=Ack\n";
        OpcUaDeviceFile.Parse("m.yaml", "m", modeOnly).Errors.Single().ToString()
            .ShouldBe("m.yaml:3:1: opcua adapter 'm': securityMode must be one of Best, Sign, SignAndEncrypt, was 'Encrypt'");
        const string modeWithoutPolicy = "endpointUrl: opc.tcp://127.0.0.1:4840/\nsecurityMode: Sign\nwrites:\n  - key: ack\n    nodeId: ns=1;s=Ack\n";
        OpcUaDeviceFile.Parse("n.yaml", "n", modeWithoutPolicy).Errors.Single().ToString()
            .ShouldBe("n.yaml:2:1: opcua adapter 'n': securityMode 'Sign' needs a securityPolicy other than None");
    }
}

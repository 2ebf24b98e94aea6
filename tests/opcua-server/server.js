// node-opcua test server for Bridge's OPC UA adapter tests and benchmark.
// Usage: node server.js --port PORT [--max-items-per-call N] [--auto-accept]
// Endpoints: None, and Sign / SignAndEncrypt for Basic256Sha256, Aes128_Sha256_RsaOaep and Aes256_Sha256_RsaPss.
// Client certificates are trusted only when a test calls Methods.TrustClientCertificate (over the None endpoint)
// with the certificate, so a test can also show that an unknown client is refused; --auto-accept (benchmark)
// trusts every client.
// Prints a line containing BRIDGE-OPCUA-READY once the endpoint listens.
"use strict";
const os = require("os");
const path = require("path");
const fs = require("fs");
const {
    OPCUAServer, OPCUACertificateManager, Variant, DataType, VariantArrayType, StatusCodes,
    MessageSecurityMode, SecurityPolicy, nodesets,
    resolveNodeId, coerceExpandedNodeId, QualifiedName, LocalizedText
} = require("node-opcua");

function arg(name, fallback) {
    const i = process.argv.indexOf(name);
    return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const port = Number(arg("--port", "48400"));
const maxItemsPerCall = Number(arg("--max-items-per-call", "1000"));
const manyCount = Number(arg("--many", "10000"));
const users = { operator: "secret", integrator: "s3cret!" };
const autoAccept = process.argv.includes("--auto-accept");

const sampleValues = {
    Boolean: [DataType.Boolean, true, [true, false, true]],
    SByte: [DataType.SByte, -12, [-128, 0, 127]],
    Byte: [DataType.Byte, 200, [0, 128, 255]],
    Int16: [DataType.Int16, -32000, [-32768, 0, 32767]],
    UInt16: [DataType.UInt16, 65000, [0, 1, 65535]],
    Int32: [DataType.Int32, -2000000000, [-2147483648, 0, 2147483647]],
    UInt32: [DataType.UInt32, 4000000000, [0, 1, 4294967295]],
    Int64: [DataType.Int64, [0xffffffff, 0xfffffffe], [[0xffffffff, 0xffffffff], [0, 0], [0x7fffffff, 0xffffffff]]],
    UInt64: [DataType.UInt64, [1, 2], [[0, 0], [0, 1], [0xffffffff, 0xffffffff]]],
    Float: [DataType.Float, -6.5, [1.5, -2.25, 0]],
    Double: [DataType.Double, 3.14159, [1.5, -2.25, 1e300]],
    String: [DataType.String, "水Boy", ["a", "", "ü"]],
    DateTime: [DataType.DateTime, new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)), [new Date(Date.UTC(2020, 0, 1)), new Date(Date.UTC(2030, 11, 31))]],
    Guid: [DataType.Guid, "72962B91-FA75-4AE6-8D28-B404DC7DAF63", ["72962B91-FA75-4AE6-8D28-B404DC7DAF63", "00000000-0000-0000-0000-000000000001"]],
    ByteString: [DataType.ByteString, Buffer.from([1, 2, 3, 250]), [Buffer.from([1]), Buffer.from([2, 3])]],
    XmlElement: [DataType.XmlElement, "<a>1</a>", ["<b/>", "<c>2</c>"]],
    NodeId: [DataType.NodeId, resolveNodeId("ns=1;s=Hot水"), ["i=85", "ns=1;g=72962B91-FA75-4AE6-8D28-B404DC7DAF63", "ns=1;b=AQID"].map(resolveNodeId)],
    ExpandedNodeId: [DataType.ExpandedNodeId, coerceExpandedNodeId("ns=1;i=1025"), ["i=85", "ns=1;s=x"].map(coerceExpandedNodeId)],
    StatusCode: [DataType.StatusCode, StatusCodes.BadNodeIdUnknown, [StatusCodes.Good, StatusCodes.UncertainInitialValue]],
    QualifiedName: [DataType.QualifiedName, new QualifiedName({ namespaceIndex: 1, name: "Part" }), [new QualifiedName({ namespaceIndex: 0, name: "A" }), new QualifiedName({ namespaceIndex: 2, name: "B" })]],
    LocalizedText: [DataType.LocalizedText, new LocalizedText({ locale: "de-DE", text: "Teil" }), [new LocalizedText({ text: "a" }), new LocalizedText({ locale: "en", text: "b" })]],
};

async function main() {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "bridge-opcua-pki-"));
    const serverCertificateManager = new OPCUACertificateManager({ rootFolder: path.join(root, "pki"), automaticallyAcceptUnknownCertificate: autoAccept });
    // The server's own certificate, for the host the tests connect to (127.0.0.1) and this application URI. Key and
    // certificate are kept in a cache folder between starts (tests restart servers; RSA key generation is slow on
    // a loaded machine); the trust list always starts empty.
    const applicationUri = "urn:bridge:test-server";
    const cache = path.join(os.tmpdir(), `bridge-opcua-server-identity-${process.getuid ? process.getuid() : 0}`);
    const ownKey = path.join(root, "pki", "own", "private", "private_key.pem");
    const certificateFile = path.join(root, "pki", "own", "certs", "bridge_test_server.pem");
    const cachedKey = path.join(cache, "private_key.pem");
    const cachedCertificate = path.join(cache, "bridge_test_server.pem");
    const cached = fs.existsSync(cachedKey) && fs.existsSync(cachedCertificate);
    if (cached) {
        fs.mkdirSync(path.dirname(ownKey), { recursive: true });
        fs.mkdirSync(path.dirname(certificateFile), { recursive: true });
        fs.copyFileSync(cachedKey, ownKey);
        fs.copyFileSync(cachedCertificate, certificateFile);
    }
    await serverCertificateManager.initialize();
    if (!cached) {
        await serverCertificateManager.createSelfSignedCertificate({ applicationUri, subject: "/CN=BridgeTestServer/O=Bridge", dns: ["localhost"], ip: ["127.0.0.1"],
            startDate: new Date(Date.now() - 60 * 60 * 1000), validity: 365, outputFile: certificateFile });
        fs.mkdirSync(cache, { recursive: true });
        for (const [from, to] of [[serverCertificateManager.privateKey, cachedKey], [certificateFile, cachedCertificate]]) {
            const temporary = `${to}.${process.pid}`;
            fs.copyFileSync(from, temporary);
            fs.renameSync(temporary, to);
        }
    }
    const userCertificateManager = new OPCUACertificateManager({ rootFolder: path.join(root, "user-pki"), automaticallyAcceptUnknownCertificate: true });
    const server = new OPCUAServer({
        port,
        host: "127.0.0.1",
        hostname: "127.0.0.1",
        resourcePath: "/",
        securityModes: [MessageSecurityMode.None, MessageSecurityMode.Sign, MessageSecurityMode.SignAndEncrypt],
        securityPolicies: [SecurityPolicy.None, SecurityPolicy.Basic256Sha256, SecurityPolicy.Aes128_Sha256_RsaOaep, SecurityPolicy.Aes256_Sha256_RsaPss],
        allowAnonymous: true,
        serverCertificateManager,
        userCertificateManager,
        certificateFile,
        privateKeyFile: serverCertificateManager.privateKey,
        serverInfo: { applicationUri, productUri: "urn:bridge:test-server", applicationName: { text: "BridgeTestServer" } },
        nodeset_filename: [nodesets.standard],
        userManager: { isValidUser: (userName, password) => users[userName] !== undefined && users[userName] === password },
        serverCapabilities: {
            maxSessions: 50,
            maxSubscriptionsPerSession: 50,
            operationLimits: {
                maxMonitoredItemsPerCall: maxItemsPerCall,
                maxNodesPerRead: 1000,
                maxNodesPerWrite: 1000,
                maxNodesPerBrowse: 1000,
                maxNodesPerMethodCall: 100,
                maxNodesPerTranslateBrowsePathsToNodeIds: 1000,
            },
        },
        buildInfo: { productName: "BridgeTestServer", manufacturerName: "Bridge" },
    });
    await server.initialize();
    const addressSpace = server.engine.addressSpace;
    const ns = addressSpace.getOwnNamespace();
    const bridge = ns.addFolder(addressSpace.rootFolder.objects, { browseName: "Bridge", nodeId: "s=Bridge" });

    // Counters: one free running, one the tests drive by writing.
    const counters = ns.addFolder(bridge, { browseName: "Counters", nodeId: "s=Counters" });
    let fast = 0;
    const fastCounter = ns.addVariable({ componentOf: counters, browseName: "Fast", nodeId: "s=Counters.Fast", dataType: "UInt32",
        value: new Variant({ dataType: DataType.UInt32, value: 0 }) });
    setInterval(() => { fast = (fast + 1) >>> 0; fastCounter.setValueFromSource(new Variant({ dataType: DataType.UInt32, value: fast })); }, 100);
    ns.addVariable({ componentOf: counters, browseName: "Parts", nodeId: "s=Counters.Parts", dataType: "UInt32",
        accessLevel: "CurrentRead | CurrentWrite", userAccessLevel: "CurrentRead | CurrentWrite",
        value: new Variant({ dataType: DataType.UInt32, value: 0 }) });
    // Written only by the host-level device test (Bridge.Tests/Devices), so parallel tests never share a counter.
    ns.addVariable({ componentOf: counters, browseName: "Station7", nodeId: "s=Counters.Station7", dataType: "UInt32",
        accessLevel: "CurrentRead | CurrentWrite", userAccessLevel: "CurrentRead | CurrentWrite",
        value: new Variant({ dataType: DataType.UInt32, value: 0 }) });

    // A counter named the way config/mappings/plc expects: <line>.<station>.<material>.Consumed.
    ns.addVariable({ componentOf: counters, browseName: "L1.ST03.A-100.Consumed", nodeId: "s=L1.ST03.A-100.Consumed", dataType: "UInt32",
        accessLevel: "CurrentRead | CurrentWrite", userAccessLevel: "CurrentRead | CurrentWrite",
        value: new Variant({ dataType: DataType.UInt32, value: 0 }) });

    // Every built-in type as a scalar, an array, and a writable copy.
    const scalars = ns.addFolder(bridge, { browseName: "Scalars", nodeId: "s=Scalars" });
    const arrays = ns.addFolder(bridge, { browseName: "Arrays", nodeId: "s=Arrays" });
    for (const [name, [dataType, scalar, array]] of Object.entries(sampleValues)) {
        ns.addVariable({ componentOf: scalars, browseName: name, nodeId: `s=Scalars.${name}`, dataType: DataType[dataType],
            accessLevel: "CurrentRead | CurrentWrite", userAccessLevel: "CurrentRead | CurrentWrite",
            value: new Variant({ dataType, arrayType: VariantArrayType.Scalar, value: scalar }) });
        ns.addVariable({ componentOf: arrays, browseName: name, nodeId: `s=Arrays.${name}`, dataType: DataType[dataType], valueRank: 1,
            accessLevel: "CurrentRead | CurrentWrite", userAccessLevel: "CurrentRead | CurrentWrite",
            value: new Variant({ dataType, arrayType: VariantArrayType.Array, value: array }) });
    }
    ns.addVariable({ componentOf: arrays, browseName: "MatrixInt32", nodeId: "s=Arrays.MatrixInt32", dataType: "Int32", valueRank: 2, arrayDimensions: [2, 3],
        accessLevel: "CurrentRead | CurrentWrite", userAccessLevel: "CurrentRead | CurrentWrite",
        value: new Variant({ dataType: DataType.Int32, arrayType: VariantArrayType.Matrix, dimensions: [2, 3], value: new Int32Array([1, 2, 3, 4, 5, 6]) }) });

    // Writable nodes for write-back (acknowledgement flag, job number) and deadband tests.
    const writable = ns.addFolder(bridge, { browseName: "Writable", nodeId: "s=Writable" });
    for (const [name, dataType, value] of [["Ack", DataType.Boolean, false], ["JobNumber", DataType.String, ""], ["Double", DataType.Double, 0], ["Int32", DataType.Int32, 0],
            ["Station7Job", DataType.String, ""], ["SenderTarget", DataType.String, ""], ["SenderCount", DataType.Int32, 0],
            ["ConformanceOut", DataType.String, ""], ["ConformanceIn", DataType.String, ""]]) {
        ns.addVariable({ componentOf: writable, browseName: name, nodeId: `s=Writable.${name}`, dataType: DataType[dataType],
            accessLevel: "CurrentRead | CurrentWrite", userAccessLevel: "CurrentRead | CurrentWrite", value: new Variant({ dataType, value }) });
    }
    ns.addAnalogDataItem({ componentOf: writable, browseName: "Level", nodeId: "s=Writable.Level", dataType: "Double",
        engineeringUnitsRange: { low: 0, high: 200 }, accessLevel: "CurrentRead | CurrentWrite", userAccessLevel: "CurrentRead | CurrentWrite",
        value: new Variant({ dataType: DataType.Double, value: 0 }) });
    // Read-only for everyone: a write must come back Bad (the OPC UA sender's permanent failure).
    ns.addVariable({ componentOf: writable, browseName: "ReadOnly", nodeId: "s=Writable.ReadOnly", dataType: "Double",
        accessLevel: "CurrentRead", userAccessLevel: "CurrentRead", value: new Variant({ dataType: DataType.Double, value: 0 }) });
    ns.addVariable({ componentOf: writable, browseName: "OperatorOnly", nodeId: "s=Writable.OperatorOnly", dataType: "Double",
        accessLevel: "CurrentRead | CurrentWrite", userAccessLevel: "CurrentRead | CurrentWrite", value: new Variant({ dataType: DataType.Double, value: 0 }) });

    // A node whose status the tests can make bad through the SetQuality method.
    const status = ns.addFolder(bridge, { browseName: "Status", nodeId: "s=Status" });
    const quality = ns.addVariable({ componentOf: status, browseName: "Quality", nodeId: "s=Status.Quality", dataType: "Double",
        value: new Variant({ dataType: DataType.Double, value: 1 }) });
    const methods = ns.addObject({ organizedBy: bridge, browseName: "Methods", nodeId: "s=Methods" });
    const setQuality = ns.addMethod(methods, { browseName: "SetQuality", nodeId: "s=Methods.SetQuality",
        inputArguments: [{ name: "statusCode", dataType: DataType.UInt32 }], outputArguments: [] });
    setQuality.bindMethod((inputs, _context, callback) => {
        const code = inputs[0].value >>> 0;
        const statusCode = Object.values(StatusCodes).find((s) => s && s.value === code);
        if (!statusCode) return callback(null, { statusCode: StatusCodes.BadInvalidArgument, outputArguments: [] });
        quality.setValueFromSource(new Variant({ dataType: DataType.Double, value: quality.readValue().value.value }), statusCode);
        callback(null, { statusCode: StatusCodes.Good, outputArguments: [] });
    });
    // Test hook: trust a client application certificate (DER), as an operator would on a real server.
    const trust = ns.addMethod(methods, { browseName: "TrustClientCertificate", nodeId: "s=Methods.TrustClientCertificate",
        inputArguments: [{ name: "certificate", dataType: DataType.ByteString }], outputArguments: [] });
    trust.bindMethod((inputs, _context, callback) => {
        serverCertificateManager.trustCertificate(inputs[0].value)
            .then(() => callback(null, { statusCode: StatusCodes.Good, outputArguments: [] }))
            .catch((err) => { console.error("trust failed:", err); callback(null, { statusCode: StatusCodes.BadInvalidArgument, outputArguments: [] }); });
    });
    const add = ns.addMethod(methods, { browseName: "Add", nodeId: "s=Methods.Add",
        inputArguments: [{ name: "a", dataType: DataType.Double }, { name: "b", dataType: DataType.Double }],
        outputArguments: [{ name: "sum", dataType: DataType.Double }] });
    add.bindMethod((inputs, _context, callback) => {
        callback(null, { statusCode: StatusCodes.Good, outputArguments: [{ dataType: DataType.Double, value: inputs[0].value + inputs[1].value }] });
    });

    // Alarms and conditions: a tank (an event notifier under the Server object) with a HighLevel alarm, raised and
    // cleared by the RaiseAlarm method, so event subscriptions (Bridge's DeviceAlarmRaised) have something to see.
    const tank = ns.addObject({ organizedBy: bridge, browseName: "Tank", nodeId: "s=Tank", eventSourceOf: addressSpace.rootFolder.objects.server });
    const tankLevel = ns.addVariable({ componentOf: tank, browseName: "Level", nodeId: "s=Tank.Level", dataType: "Double",
        value: new Variant({ dataType: DataType.Double, value: 0 }) });
    const highLevel = ns.instantiateAlarmCondition("AlarmConditionType", { componentOf: tank, conditionSource: tank,
        browseName: "HighLevel", nodeId: "s=Tank.HighLevel", conditionName: "HighLevel", inputNode: tankLevel });
    const raiseAlarm = ns.addMethod(methods, { browseName: "RaiseAlarm", nodeId: "s=Methods.RaiseAlarm",
        inputArguments: [{ name: "severity", dataType: DataType.UInt16 }, { name: "message", dataType: DataType.String }, { name: "active", dataType: DataType.Boolean }],
        outputArguments: [] });
    raiseAlarm.bindMethod((inputs, _context, callback) => {
        const [severity, message, active] = inputs.map((i) => i.value);
        if (active) highLevel.activateAlarm(); else highLevel.deactivateAlarm(false);
        highLevel.raiseNewCondition({ message, severity, quality: StatusCodes.Good, retain: active });
        callback(null, { statusCode: StatusCodes.Good, outputArguments: [] });
    });

    // A folder of many variables that change together while Many.Running is true.
    const many = ns.addFolder(bridge, { browseName: "Many", nodeId: "s=Many" });
    const running = ns.addVariable({ componentOf: bridge, browseName: "ManyRunning", nodeId: "s=Many.Running", dataType: "Boolean",
        accessLevel: "CurrentRead | CurrentWrite", userAccessLevel: "CurrentRead | CurrentWrite", value: new Variant({ dataType: DataType.Boolean, value: false }) });
    const interval = ns.addVariable({ componentOf: bridge, browseName: "ManyIntervalMs", nodeId: "s=Many.IntervalMs", dataType: "UInt32",
        accessLevel: "CurrentRead | CurrentWrite", userAccessLevel: "CurrentRead | CurrentWrite", value: new Variant({ dataType: DataType.UInt32, value: 100 }) });
    const changes = ns.addVariable({ componentOf: bridge, browseName: "ManyChanges", nodeId: "s=Many.Changes", dataType: "Double",
        value: new Variant({ dataType: DataType.Double, value: 0 }) });
    const manyVars = [];
    for (let i = 0; i < manyCount; i++) {
        const id = String(i).padStart(5, "0");
        // minimumSamplingInterval 0: a monitored item with sampling interval 0 reports every change as it happens
        // (no sampling timer per item), so the benchmark measures the clients rather than the server's timers.
        manyVars.push(ns.addVariable({ componentOf: many, browseName: `V${id}`, nodeId: `s=Many.V${id}`, dataType: "Double", minimumSamplingInterval: 0,
            value: new Variant({ dataType: DataType.Double, value: 0 }) }));
    }
    let tick = 0, produced = 0;
    const step = () => {
        if (running.readValue().value.value) {
            tick++;
            for (const v of manyVars) v.setValueFromSource(new Variant({ dataType: DataType.Double, value: tick }));
            produced += manyVars.length;
            changes.setValueFromSource(new Variant({ dataType: DataType.Double, value: produced }));
        }
        setTimeout(step, Math.max(1, interval.readValue().value.value));
    };
    setTimeout(step, 100);

    await server.start();
    console.log(`BRIDGE-OPCUA-READY opc.tcp://127.0.0.1:${port}/ pid=${process.pid}`);
    const stop = async () => { try { await server.shutdown(0); } finally { fs.rmSync(root, { recursive: true, force: true }); process.exit(0); } };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
}

main().catch((err) => { console.error("server failed:", err); process.exit(1); });

// node-opcua's own client, subscribing to the same items as Bridge in the benchmark.
// Usage: node bench-client.js --url URL --items N --interval MS --sampling MS [--policy Basic256Sha256 --mode SignAndEncrypt]
// Stops cleanly (deletes its subscription, closes its session) on SIGTERM, SIGINT or a "STOP" line on stdin.
// Prints "SUBSCRIBED <items>" once all monitored items exist, then every second
// "COUNT <values received> <cpu user+system microseconds> <changes missing in the items' sequences>" (the test
// server writes its tick number into every item, so a jump of more than one is changes that never arrived).
"use strict";
const { OPCUAClient, AttributeIds, TimestampsToReturn, MessageSecurityMode, SecurityPolicy } = require("node-opcua");

function arg(name, fallback) {
    const i = process.argv.indexOf(name);
    return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

async function main() {
    const url = arg("--url", "opc.tcp://127.0.0.1:48400/");
    const items = Number(arg("--items", "10000"));
    const interval = Number(arg("--interval", "100"));
    const batch = Number(arg("--batch", "1000"));
    const sampling = Number(arg("--sampling", "0"));
    const policy = arg("--policy", "None");
    const mode = arg("--mode", policy === "None" ? "None" : "SignAndEncrypt");
    const client = OPCUAClient.create({
        endpointMustExist: false,
        securityMode: MessageSecurityMode[mode],
        securityPolicy: SecurityPolicy[policy],
        connectionStrategy: { maxRetry: 3, initialDelay: 200, maxDelay: 1000 },
    });
    await client.connect(url);
    const session = await client.createSession();
    const subscription = await session.createSubscription2({
        requestedPublishingInterval: interval,
        requestedMaxKeepAliveCount: 10,
        requestedLifetimeCount: 120,
        maxNotificationsPerPublish: 0,
        publishingEnabled: true,
        priority: 1,
    });
    let count = 0;
    let missed = 0;
    const last = new Float64Array(items);
    for (let start = 0; start < items; start += batch) {
        const nodes = [];
        for (let i = start; i < Math.min(items, start + batch); i++) {
            nodes.push({ nodeId: `ns=1;s=Many.V${String(i).padStart(5, "0")}`, attributeId: AttributeIds.Value });
        }
        const group = await subscription.monitorItems(nodes, { samplingInterval: sampling, queueSize: 1, discardOldest: true }, TimestampsToReturn.Both);
        group.on("changed", (_item, dataValue, index) => {
            count++;
            const value = dataValue.value.value;
            const i = start + index;
            if (typeof value === "number" && i < items) {
                if (last[i] !== 0 && value > last[i] + 1) missed += value - last[i] - 1;
                if (value > last[i]) last[i] = value;
            }
        });
    }
    console.log(`SUBSCRIBED ${items}`);
    setInterval(() => {
        const cpu = process.cpuUsage();
        console.log(`COUNT ${count} ${cpu.user + cpu.system} ${missed}`);
    }, 1000);
    const stop = async () => {
        try { await subscription.terminate(); await session.close(); await client.disconnect(); } finally { process.exit(0); }
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", (text) => { if (text.includes("STOP")) stop(); });
}

main().catch((err) => { console.error("bench client failed:", err.message); process.exit(1); });

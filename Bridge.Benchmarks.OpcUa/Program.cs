using Bridge.Benchmarks.OpcUa;

// Value changes ingested per second with many monitored items changing: Bridge's OPC UA client against
// node-opcua's own client, on the same node-opcua server, in one run.
var options = BenchmarkOptions.Parse(args);
if (args.Contains("--profile"))
{
    return ReceivePathProfile.Run(options);
}
return await new SubscriptionBenchmark(options).RunAsync();

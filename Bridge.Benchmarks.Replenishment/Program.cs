using Bridge.Benchmarks.Replenishment;

var options = BenchmarkOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: Bridge.Benchmarks.Replenishment --rabbitmq amqp://… --postgres \"Host=…\" [--locations 1000] [--rate 10] [--seconds 20] [--prefill] [--pack N] [--broker-pid PID]");
    Console.Error.WriteLine("       (or set BRIDGE_TEST_RABBITMQ and BRIDGE_TEST_POSTGRES as ./test.sh does)");
    return 2;
}

return await ReplenishmentBenchmark.RunAsync(options);

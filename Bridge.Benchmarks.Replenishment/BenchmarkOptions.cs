namespace Bridge.Benchmarks.Replenishment;

/// <summary>
/// <c>--rabbitmq URI --postgres CONNSTR [--locations 1000] [--rate 10] [--seconds 20] [--prefill] [--pack N] [--broker-pid PID] [--spread] [--warm-up S]</c>; the URIs default to
/// BRIDGE_TEST_RABBITMQ / BRIDGE_TEST_POSTGRES (what ./test.sh exports). <c>--prefill</c> queues every signal before
/// Bridge starts consuming, so the drain rate is Bridge's alone (the publisher takes no CPU meanwhile); no latency then.
/// <c>--broker-pid</c> adds the broker's CPU per signal to the output. <c>--pack N</c> sends the signals in packs of N per
/// message (<c>LineSideSignalPack</c>) instead of one message each. <c>--spread</c> spreads the crossings over the whole run
/// (<see cref="SignalPlan"/>) instead of its first 80 rounds: the steady state's latency, not the start's.
/// <c>--warm-up S</c> (paced runs): S seconds of signals on other locations first, then the measured run once the JIT has
/// settled (<see cref="WarmUp"/>); 0 measures a cold host.
/// </summary>
internal sealed record BenchmarkOptions(string RabbitMq, string Postgres, int Locations, int RatePerLocation, int Seconds, bool Prefill, int? BrokerPid, int Pack, bool Spread = false, int WarmUpSeconds = 0)
{
    public static BenchmarkOptions? Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var rabbit = Value("--rabbitmq") ?? Environment.GetEnvironmentVariable("BRIDGE_TEST_RABBITMQ");
        var postgres = Value("--postgres") ?? Environment.GetEnvironmentVariable("BRIDGE_TEST_POSTGRES");
        if (string.IsNullOrEmpty(rabbit) || string.IsNullOrEmpty(postgres))
            return null;
        return new BenchmarkOptions(rabbit, postgres,
            int.Parse(Value("--locations") ?? "1000", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--rate") ?? "10", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--seconds") ?? "20", System.Globalization.CultureInfo.InvariantCulture),
            args.Contains("--prefill"),
            Value("--broker-pid") is { } pid ? int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture) : null,
            int.Parse(Value("--pack") ?? "1", System.Globalization.CultureInfo.InvariantCulture),
            args.Contains("--spread"),
            int.Parse(Value("--warm-up") ?? "0", System.Globalization.CultureInfo.InvariantCulture));
    }
}

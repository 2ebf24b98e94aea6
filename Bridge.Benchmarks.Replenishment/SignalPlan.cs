using Bridge.Contracts.Messages;

namespace Bridge.Benchmarks.Replenishment;

/// <summary>
/// Every signal of a run, encoded before the clock starts, in 10 ms ticks: round-robin over the locations at the offered
/// rate, each tick's signals as message bodies (one envelope each, or packs). Every location starts at 120 and crosses its
/// reorder point (40) once; a tick names the locations whose crossing signal it carries, so the sender stamps the
/// crossing when that tick goes out. Encoding here keeps the publisher's CPU during the run to the publish itself.
/// A location first drops by its index mod 80, then by one a round (all 1,000 signals once): every crossing falls in the
/// first 80 rounds, the run's start. With <c>--spread</c> the later drops are 80 ÷ (0.95 × rounds) instead, so the
/// crossings spread over the whole run.
/// </summary>
internal sealed class SignalPlan
{
    public const int TicksPerSecond = 100;

    public sealed record Tick(byte[][] Bodies, string[] Crossings, int Signals);

    public required IReadOnlyList<Tick> Ticks { get; init; }

    /// <summary>The bodies are <c>LineSideSignalPack</c>s (sent straight to the signal queue), not single envelopes.</summary>
    public required bool Packed { get; init; }

    public long Signals => Ticks.Sum(t => (long)t.Signals);

    public static SignalPlan Create(BenchmarkOptions options, Func<IReadOnlyList<LineSideConsumptionReported>, int, byte[][]> encode, string prefix = MeasuredPrefix)
    {
        var perTick = (double)options.Locations * options.RatePerLocation / TicksPerSecond;
        var levels = Enumerable.Range(0, options.Locations).Select(_ => 120m).ToArray();
        var total = (long)options.Locations * options.RatePerLocation * options.Seconds;
        var ticks = new List<Tick>();
        long sent = 0;
        var due = 0.0;
        var clock = DateTimeOffset.UnixEpoch;
        var step = options.Spread ? Math.Round(80m / (0.95m * options.RatePerLocation * options.Seconds), 3) : 1m;
        while (sent < total)
        {
            due += perTick;
            var batch = new List<LineSideConsumptionReported>((int)perTick + 1);
            var crossings = new List<string>();
            while (sent < due && sent < total)
            {
                var index = (int)(sent % options.Locations);
                var location = Location(index, prefix);
                // The first signal of each location uses a bigger step, so the crossings spread over the run.
                var quantity = sent < options.Locations ? index % 80 : step;
                var before = levels[index];
                levels[index] = Math.Max(0, before - quantity);
                if (before > 40m && levels[index] <= 40m)
                    crossings.Add(location);
                batch.Add(new LineSideConsumptionReported
                {
                    MessageId = Guid.NewGuid(), CorrelationId = location, Source = "plc", OccurredAt = clock.AddTicks(sent),
                    Location = location, Material = "A-100", Quantity = quantity, Unit = "pcs",
                });
                sent++;
            }

            ticks.Add(new Tick(encode(batch, options.Pack), [.. crossings], batch.Count));
        }

        return new SignalPlan { Ticks = ticks, Packed = options.Pack > 1 };
    }

    public const string MeasuredPrefix = "BENCH";

    public static string Location(int index, string prefix = MeasuredPrefix) => $"{prefix}-{index:D4}";
}

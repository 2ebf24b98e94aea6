using System.Globalization;

namespace Bridge.Faults.Scenarios;

/// <summary>
/// R7's peak: a burst's requests end to end, from its first post to its last delivery at MES (as the material benchmark
/// counts throughput). Deliveries in the burst's middle come faster than that, once every request's earlier steps are
/// done, so they name a rate the host cannot keep up (session 15: 44 deliveries/s there, while a soak at 22/s fell
/// behind by 700 requests within five minutes); that rate is printed beside it.
/// </summary>
public sealed record SoakPeak(double PerSecond, int Requests, double Seconds, double MiddlePerSecond)
{
    /// <param name="burstStart">When the burst's first request was posted.</param>
    /// <param name="arrivals">When each request's delivery reached MES, in order.</param>
    public static SoakPeak Of(DateTimeOffset burstStart, IReadOnlyList<DateTimeOffset> arrivals)
    {
        if (arrivals.Count < 10)
            throw new ArgumentException($"{arrivals.Count} deliveries: too few to measure a peak", nameof(arrivals));
        var seconds = Math.Max(0.001, (arrivals[^1] - burstStart).TotalSeconds);
        var (from, to) = (arrivals.Count / 10, arrivals.Count * 9 / 10);
        var middle = (to - from) / Math.Max(0.001, (arrivals[to] - arrivals[from]).TotalSeconds);
        return new SoakPeak(arrivals.Count / seconds, arrivals.Count, seconds, middle);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{PerSecond:0.0} requests/s ({Requests} requests, first post → last delivery in {Seconds:0.0} s; deliveries in the burst's middle 80 %: {MiddlePerSecond:0.0}/s)");
}

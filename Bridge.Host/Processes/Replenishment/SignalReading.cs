using Bridge.Host.Domain.LineSide;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>A canonical message read as a signal for a configured location, or the reason it cannot be one.</summary>
public abstract record SignalReading
{
    private SignalReading() { }

    public sealed record Signal(LineSideLocation Location, LineSideSignal Value) : SignalReading;

    public sealed record Rejected(string Reason) : SignalReading;

    /// <summary>Not about a line-side location at all (a delivery elsewhere): nothing to do, nothing to report.</summary>
    public sealed record NotLineSide : SignalReading;
}

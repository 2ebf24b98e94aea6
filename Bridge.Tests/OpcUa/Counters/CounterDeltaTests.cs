using Bridge.Adapters.OpcUa.Counters;

namespace Bridge.Tests.OpcUa.Counters;

public class CounterDeltaTests
{
    [Fact]
    public void FirstReading_IsOnlyABaseline()
    {
        var counter = new CounterDelta(null);
        counter.Next(1000).ShouldBe(new CounterStep(CounterStepKind.Baseline, 0, null));
    }

    [Fact]
    public void Increase_IsTheDifference()
    {
        var counter = new CounterDelta(null);
        counter.Next(10);
        counter.Next(17).ShouldBe(new CounterStep(CounterStepKind.Increase, 7, 10));
        counter.Next(17).Delta.ShouldBe(0);
    }

    [Fact]
    public void Wrap_CountsThroughTheMaximum()
    {
        var counter = new CounterDelta(65535);
        counter.Next(65530);
        counter.Next(4).ShouldBe(new CounterStep(CounterStepKind.Wrap, 10, 65530));
    }

    [Fact]
    public void Decrease_WithoutMaximum_IsAResetNotANegativeConsumption()
    {
        var counter = new CounterDelta(null);
        counter.Next(4_000_000_000);
        var step = counter.Next(3);
        step.Kind.ShouldBe(CounterStepKind.Reset);
        step.Delta.ShouldBe(3);
    }

    [Fact]
    public void Decrease_FromLowerHalf_IsAResetEvenWithMaximum()
    {
        var counter = new CounterDelta(65535);
        counter.Next(500);
        counter.Next(20).ShouldBe(new CounterStep(CounterStepKind.Reset, 20, 500));
        counter.Next(25).ShouldBe(new CounterStep(CounterStepKind.Increase, 5, 20));
    }
}

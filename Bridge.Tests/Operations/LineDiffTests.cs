using Bridge.Host.Operations;

namespace Bridge.Tests.Operations;

public sealed class LineDiffTests
{
    [Fact]
    public void KeptLinesStay_RemovedComeBeforeAdded_InOrder()
    {
        var diff = LineDiff.Compare(["a", "b", "c", "d"], ["a", "x", "c", "d", "e"]).Select(l => l.ToString()).ToList();

        diff.ShouldBe(["  a", "- b", "+ x", "  c", "  d", "+ e"]);
    }

    [Fact]
    public void EmptySides_AreAllAddedOrAllRemoved()
    {
        LineDiff.Compare([], ["x", "y"]).Select(l => l.Mark).ShouldBe(['+', '+']);
        LineDiff.Compare(["x"], []).Select(l => l.Mark).ShouldBe(['-']);
    }

    [Fact]
    public void HugeInputs_AreCutAtTheLimit_SayingHowManyLinesWereLeftOut()
    {
        var before = Enumerable.Range(0, 50_000).Select(i => $"line {i}").ToList();
        var after = before.Select(l => l + "!").ToList();

        var diff = LineDiff.Compare(before, after);

        diff.Count.ShouldBe(2 * (LineDiff.MaxLines + 1) - 1);
        diff.ShouldContain(l => l.Text == $"… {50_000 - LineDiff.MaxLines} more lines not compared" && l.Mark == ' ');
    }
}

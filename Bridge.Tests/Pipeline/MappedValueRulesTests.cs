using Bridge.Contracts.Messages;
using Bridge.Host.Pipeline.Inbound;

namespace Bridge.Tests.Pipeline;

/// <summary>The value rules name the field a problem is in, and checking a message costs little (it runs per row of a stock export and per sensor reading).</summary>
public sealed class MappedValueRulesTests
{
    private static BinLevelReported Reading(string location, string unit = "%") => new()
    {
        MessageId = Guid.NewGuid(), CorrelationId = "c", Source = "sensors", OccurredAt = DateTimeOffset.UnixEpoch,
        Location = location, Material = "A-100", Value = 1m, Unit = unit,
    };

    [Fact]
    public void CleanMessage_HasNoProblem()
    {
        MappedValueRules.Check(Reading("LS-07 Kühlraum 冷藏")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0x01, "contains control characters")]
    [InlineData(0x85, "contains control characters")]
    [InlineData(0x00, "contains a NUL character")]
    [InlineData(0xD800, "half of a UTF-16 surrogate pair")]
    public void BadText_IsNamedWithItsField(int character, string problem)
    {
        // Built here: an attribute's string cannot carry half a surrogate pair.
        var problems = MappedValueRules.Check(Reading("LS" + (char)character + "07"));

        problems.Count.ShouldBe(1);
        problems[0].ShouldStartWith("field 'BinLevelReported.Location' ");
        problems[0].ShouldContain(problem);
    }

    [Fact]
    public void EveryBadField_IsNamed_TooLongToo()
    {
        var problems = MappedValueRules.Check(Reading("LS\n07", new string('x', MappedValueRules.MaxValueLength + 1)));

        problems.ShouldBe([
            "field 'BinLevelReported.Location' contains control characters (CR, LF, TAB or others), which no receiver can take in a header or path",
            $"field 'BinLevelReported.Unit' is {MappedValueRules.MaxValueLength + 1} characters long; an identifier or code may have at most {MappedValueRules.MaxValueLength}",
        ]);
    }

    [Fact]
    public void CheckingAMessage_AllocatesLittle()
    {
        var messages = Enumerable.Range(0, 1000).Select(i => Reading($"LS-{i}")).ToList();
        foreach (var message in messages.Take(100))
            MappedValueRules.Check(message);

        var problems = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var message in messages)
            problems += MappedValueRules.Check(message).Count;
        var perMessage = (GC.GetAllocatedBytesForCurrentThread() - before) / messages.Count;

        problems.ShouldBe(0);
        // A JSON tree per message (the way before) was ≈ 6 KB; 1.4 KB measured now.
        perMessage.ShouldBeLessThan(2048);
    }
}

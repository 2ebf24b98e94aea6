using Bridge.Faults.Harness;

namespace Bridge.Tests.Faults;

/// <summary>
/// Found by R8 (session 10): after the killed node came back, the management API's JSON for a quorum queue named
/// "online" twice, and reading it as a JsonObject threw, failing the row although nothing was lost.
/// </summary>
public sealed class QueueConsumerCountTests
{
    [Fact]
    public void AKeyNamedTwice_StillGivesTheConsumerCount()
    {
        const string json = """{"name":"bridge-material-request-state","online":["a@localhost"],"consumers":2,"online":["a@localhost","b@localhost"]}""";

        QueueConsumerCount.Read(json).ShouldBe(2);
    }

    [Theory]
    [InlineData("""{"name":"q"}""")]
    [InlineData("""{"consumers":null}""")]
    [InlineData("""[]""")]
    public void NoCount_IsZero(string json) => QueueConsumerCount.Read(json).ShouldBe(0);
}

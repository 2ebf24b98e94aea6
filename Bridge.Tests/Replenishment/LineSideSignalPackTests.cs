using System.Text;
using Bridge.Host.Processes.Replenishment;

namespace Bridge.Tests.Replenishment;

public sealed class LineSideSignalPackTests
{
    [Theory]
    [InlineData("[{}]", true)]
    [InlineData(" \n [", true)]
    [InlineData("{\"messageType\":[]}", false)]
    [InlineData("", false)]
    public void IsPack_TellsAnArrayFromAnEnvelope(string body, bool pack) =>
        LineSideSignalPack.IsPack(Encoding.UTF8.GetBytes(body)).ShouldBe(pack);

    [Fact]
    public void Split_GivesEachEnvelopeWhole_InOrder()
    {
        var body = Encoding.UTF8.GetBytes("[{\"a\":[1,{\"b\":2}]}, {\"c\":\"]\"} ,{}]");

        var (envelopes, error) = LineSideSignalPack.Split(body);

        error.ShouldBeNull();
        envelopes.ShouldNotBeNull().Select(r => Encoding.UTF8.GetString(body[r])).ShouldBe(["{\"a\":[1,{\"b\":2}]}", "{\"c\":\"]\"}", "{}"]);
    }

    [Theory]
    [InlineData("[{\"a\":1},{\"b\":", "cannot be read")]
    [InlineData("[{\"a\":1}", "pack")]
    [InlineData("{\"a\":1}", "not a JSON array")]
    public void Split_UnreadablePack_SaysWhy(string body, string reason)
    {
        var (envelopes, error) = LineSideSignalPack.Split(Encoding.UTF8.GetBytes(body));

        envelopes.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(reason);
    }
}

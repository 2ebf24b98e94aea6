using System.Net;
using System.Text.Json;
using Bridge.Host.Infrastructure.Http;
using Bridge.Tests.Operations.Auth;

namespace Bridge.Tests.Http;

/// <summary>An id an answer names back is cut to its start and its length once it is long; short ids come back whole.</summary>
public sealed class EchoedIdTests
{
    [Fact]
    public void ALongId_ComesBackAsItsStartAndItsLength_AShortOneWhole()
    {
        EchoedId.Of("REQ-物料-1").ShouldBe("REQ-物料-1");
        EchoedId.Of(new string('x', EchoedId.MostCharacters)).ShouldBe(new string('x', EchoedId.MostCharacters));

        var echoed = EchoedId.Of(new string('x', 100_000));
        echoed.ShouldBe(new string('x', EchoedId.MostCharacters) + "… (100,000 characters)");
    }

    [Fact]
    public void ACutNeverSplitsASurrogatePair()
    {
        // '𠀀' (U+20000) is two UTF-16 units; placed so that the cut would fall between them.
        var id = new string('a', EchoedId.MostCharacters - 1) + "𠀀" + new string('b', 500);

        var echoed = EchoedId.Of(id);

        echoed.ShouldStartWith(new string('a', EchoedId.MostCharacters - 1) + "…");
        echoed.ShouldContain($"({id.Length:N0} characters)");
        echoed.Any(char.IsSurrogate).ShouldBeFalse();
    }

    [Fact]
    public async Task AnUnknownMaterialRequestWithALongId_Is404_NamingItsStartAndLength()
    {
        await using var host = await AuthTestHost.StartAsync();
        using var client = host.Operator();
        var id = "长" + new string('R', 4_999);

        using var response = await client.GetAsync("/api/material-requests/" + Uri.EscapeDataString(id));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var detail = problem.RootElement.GetProperty("detail").GetString()!;
        detail.ShouldContain("长RRR");
        detail.ShouldContain("(5,000 characters)");
        detail.Length.ShouldBeLessThan(EchoedId.MostCharacters + 100);
    }
}

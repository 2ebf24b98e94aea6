using System.Net;

namespace Bridge.Tests.Integration;

/// <summary>What the integration tests expect of a system's inbound call: 202 Accepted (the body says why not).</summary>
internal static class InboundCalls
{
    public static async Task<string> Accepted(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, body);
        return body;
    }
}

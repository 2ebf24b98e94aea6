using System.Net.Http.Headers;

namespace Bridge.Tests.Integration;

/// <summary>
/// The operator's and administrator's keys test hosts are configured with (so no test writes a local administrator
/// key file), and clients that present them. A host built with <see cref="With"/> settings accepts both;
/// <see cref="AsAdministrator"/> and <see cref="AsOperator"/> send the key as a bearer token, so a request that also
/// carries a system's X-Api-Key still authenticates as that system (X-Api-Key wins).
/// </summary>
public static class TestCredentials
{
    public const string AdministratorKey = "it-admin-key";
    public const string OperatorKey = "it-operator-key";

    public static Dictionary<string, string?> With(Dictionary<string, string?> settings)
    {
        settings["Bridge:Auth:Administrators:it-admin"] = AdministratorKey;
        settings["Bridge:Auth:Operators:it-operator"] = OperatorKey;
        return settings;
    }

    public static HttpClient AsAdministrator(this HttpClient client) => client.WithBearer(AdministratorKey);

    public static HttpClient AsOperator(this HttpClient client) => client.WithBearer(OperatorKey);

    /// <summary>A system's client: its key in X-Api-Key on every request.</summary>
    public static HttpClient AsSystem(this HttpClient client, string key)
    {
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static HttpClient WithBearer(this HttpClient client, string key)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}

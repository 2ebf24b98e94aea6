using System.Net;
using System.Security.Claims;
using System.Text;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bridge.Tests.Operations.Auth;

/// <summary>How callers prove who they are: hashed and rotated system keys, allow-lists, the local administrator key, sign-in, identity-provider tokens, and credential headers that are never kept.</summary>
public sealed class AuthenticationTests
{
    private const string Order = """{"orderNo":"A-1"}""";

    [Fact]
    public async Task SystemKey_RotatesWithASecondKey_GivenPlainOrAsAHash_AndUnderscoreSpellingOfHyphenatedIds()
    {
        await using var host = await AuthTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bridge:ApiKeys:erp"] = KeyHash.Format("old-erp"),
            ["Bridge:NextApiKeys:erp"] = "new-erp",
            ["Bridge:ApiKeys:wms_a"] = "wms-underscore",
        });

        foreach (var key in (string[])["old-erp", "new-erp"])
        {
            using var erp = host.System(key);
            (await erp.PostAsync("/api/inbound/erp/no-such-type", Json(Order))).StatusCode.ShouldBe(HttpStatusCode.NotFound, key);
        }

        using var hashAsKey = host.System(KeyHash.Format("old-erp"));
        (await hashAsKey.PostAsync("/api/inbound/erp/no-such-type", Json(Order))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var wms = host.System("wms-underscore");
        (await wms.PostAsync("/api/inbound/wms-a/no-such-type", Json(Order))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SystemsAllowList_RefusesOtherMessageTypes()
    {
        await using var host = await AuthTestHost.StartAsync(editConfig: config =>
        {
            var file = Path.Combine(config, "systems.yaml");
            File.WriteAllText(file, File.ReadAllText(file).Replace("    apiKeyEnv: BRIDGE_KEY_ERP", "    apiKeyEnv: BRIDGE_KEY_ERP\n    accepts: [production-order]"));
        });
        using var erp = host.System(AuthTestHost.ErpKey);

        (await erp.PostAsync("/api/inbound/erp/production-schedule", Json(Order))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await erp.PostAsync("/api/inbound/erp/production-order", Json(Order))).StatusCode.ShouldNotBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task NoAdministratorConfigured_CreatesAKeyFileOnlyItsUserReads_AndReusesIt()
    {
        var dir = Directory.CreateTempSubdirectory("bridge-admin-").FullName;
        var file = Path.Combine(dir, "nested", "administrator.key");
        try
        {
            var settings = new Dictionary<string, string?> { ["Bridge:Auth:AdministratorKeyFile"] = file };
            string key;
            await using (var host = await AuthTestHost.StartAsync(settings, withPeople: false))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                key = File.ReadAllText(file).Trim();
                key.Length.ShouldBeGreaterThanOrEqualTo(40);
                using var anonymous = host.Anonymous();
                (await anonymous.GetAsync("/api/dead-letters")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
                using var admin = host.System(key);
                (await admin.GetAsync("/api/dead-letters")).StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            await using (var again = await AuthTestHost.StartAsync(settings, withPeople: false))
            {
                File.ReadAllText(file).Trim().ShouldBe(key);
                using var admin = again.System(key);
                (await admin.GetAsync("/api/dead-letters")).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task SignIn_GivesOperatorsASessionCookie_ButNotSystems()
    {
        await using var host = await AuthTestHost.StartAsync();
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = host.BaseUrl };

        (await browser.PostAsync("/signin", Form(AuthTestHost.ErpKey))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await browser.PostAsync("/signin", Form("wrong"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await browser.GetAsync("/api/stock")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await browser.PostAsync("/signin", Form(TestCredentials.OperatorKey))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var session = cookies.GetCookies(host.BaseUrl)["bridge.session"]!;
        session.HttpOnly.ShouldBeTrue();
        (await browser.GetAsync("/api/stock")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.PostAsync($"/api/dead-letters/{Guid.NewGuid()}/replay", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await browser.PostAsync("/signout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await browser.GetAsync("/api/stock")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task IdentityProviderTokens_GrantTheRoleTheyCarry()
    {
        const string signingKey = "a-test-signing-key-of-at-least-32-bytes!";
        await using var host = await AuthTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bridge:Auth:Jwt:SigningKey"] = signingKey,
            ["Bridge:Auth:Jwt:Issuer"] = "https://idp.test",
        });

        using var reader = host.Anonymous();
        reader.DefaultRequestHeaders.Authorization = new("Bearer", Token(signingKey, "bridge-operator"));
        (await reader.GetAsync("/api/stock")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reader.PostAsync($"/api/dead-letters/{Guid.NewGuid()}/replay", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var admin = host.Anonymous();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", Token(signingKey, "bridge-administrator"));
        (await admin.PostAsync($"/api/dead-letters/{Guid.NewGuid()}/replay", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var nobody = host.Anonymous();
        nobody.DefaultRequestHeaders.Authorization = new("Bearer", Token(signingKey, "someone-else"));
        (await nobody.GetAsync("/api/stock")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var forged = host.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", Token("another-key-that-is-32-bytes-long!!!", "bridge-administrator"));
        (await forged.GetAsync("/api/stock")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CredentialHeaders_AreNeverKeptWithADeadLetter()
    {
        await using var host = await AuthTestHost.StartAsync(new Dictionary<string, string?> { ["Bridge:Auth:CredentialHeaders:0"] = "X-Plant-Token" });
        using var erp = host.System(AuthTestHost.ErpKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/erp/no-such-type") { Content = Json(Order) };
        request.Headers.Add("Cookie", "session=secret-cookie");
        request.Headers.Add("Proxy-Authorization", "Basic c2VjcmV0");
        request.Headers.Add("X-Plant-Token", "secret-token");
        request.Headers.Add("X-Trace", "kept");
        using var response = await erp.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var letter = (await host.App.Services.GetRequiredService<IDeadLetterStore>().ListAsync(10, false, CancellationToken.None)).Single();
        letter.Metadata.Keys.ShouldContain("header.x-trace");
        foreach (var header in (string[])["cookie", "proxy-authorization", "x-plant-token", "x-api-key", "authorization"])
        {
            letter.Metadata.Keys.ShouldNotContain("header." + header);
        }

        string.Join(";", letter.Metadata.Values).ShouldNotContain("secret");
    }

    private static string Token(string key, string role) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "https://idp.test",
        Audience = "bridge",
        Subject = new ClaimsIdentity([new Claim("sub", "jane"), new Claim("roles", role)]),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
    });

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static FormUrlEncodedContent Form(string key) => new([new KeyValuePair<string, string>("key", key)]);
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bridge.Host.Operations.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Operations.Auth;

/// <summary>
/// Every endpoint the host maps — enumerated from its <see cref="EndpointDataSource"/>, so a new endpoint is in the
/// matrix without anyone adding it — names one of <see cref="BridgePolicies"/> or is one of the few open on purpose;
/// each refuses an anonymous caller, a wrong key, and every caller of the wrong kind.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private static readonly HashSet<string> OpenOnPurpose = ["/health/ready", "/health/live", "/signin", "/signout"];

    private AuthTestHost _host = null!;

    public async Task InitializeAsync() => _host = await AuthTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void EveryEndpoint_NamesAPolicyOrIsOpenOnPurpose()
    {
        var endpoints = Endpoints();
        endpoints.Count.ShouldBeGreaterThan(10);
        foreach (var (endpoint, path) in endpoints)
        {
            var policies = Policies(endpoint);
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                OpenOnPurpose.ShouldContain(path, $"{endpoint.DisplayName} allows anonymous callers");
                continue;
            }

            policies.ShouldNotBeEmpty($"{endpoint.DisplayName} ({path}) names no policy");
            foreach (var policy in policies)
            {
                BridgePolicies.All.ShouldContain(policy, $"{endpoint.DisplayName} names unknown policy '{policy}'");
            }
        }
    }

    [Fact]
    public async Task EveryEndpoint_RefusesAnonymousAndWrongKeys()
    {
        using var anonymous = _host.Anonymous();
        using var wrong = _host.System("not-a-key");
        using var wrongBearer = _host.Anonymous();
        wrongBearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-key");
        foreach (var (endpoint, path) in Endpoints().Where(e => !OpenOnPurpose.Contains(e.Path)))
        {
            foreach (var client in (HttpClient[])[anonymous, wrong, wrongBearer])
            {
                using var response = await SendAsync(client, endpoint, path);
                response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{Method(endpoint)} {path}");
            }
        }
    }

    [Fact]
    public async Task EveryEndpoint_RefusesCallersOfTheWrongKind()
    {
        using var erp = _host.System(AuthTestHost.ErpKey);
        using var mes = _host.System(AuthTestHost.MesKey);
        using var operatorClient = _host.Operator();
        using var administrator = _host.Administrator();
        var checkedPolicies = new HashSet<string>();
        foreach (var (endpoint, path) in Endpoints().Where(e => !OpenOnPurpose.Contains(e.Path)))
        {
            var policy = Policies(endpoint).Single();
            checkedPolicies.Add(policy);
            HttpClient[] wrongKinds = policy switch
            {
                BridgePolicies.Operator => [erp],
                BridgePolicies.Administrator => [erp, operatorClient],
                // The route is erp's: another system, an operator and an administrator may not post as erp.
                BridgePolicies.SystemInbound => [mes, operatorClient, administrator],
                BridgePolicies.DeviceWrite => [operatorClient],
                _ => throw new InvalidOperationException("unknown policy " + policy),
            };
            foreach (var client in wrongKinds)
            {
                using var response = await SendAsync(client, endpoint, path);
                response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{Method(endpoint)} {path} as {Who(client, erp, mes, operatorClient)}");
            }
        }

        checkedPolicies.ShouldBe(BridgePolicies.All, ignoreOrder: true);
    }

    [Fact]
    public async Task ReadEndpoints_AnswerOperators_AndAdministrationIsForAdministrators()
    {
        using var operatorClient = _host.Operator();
        using var administrator = _host.Administrator();
        foreach (var (endpoint, path) in Endpoints().Where(e => !OpenOnPurpose.Contains(e.Path)))
        {
            var policy = Policies(endpoint).Single();
            var allowed = policy switch
            {
                BridgePolicies.Operator => [operatorClient, administrator],
                BridgePolicies.Administrator => [administrator],
                _ => Array.Empty<HttpClient>(),
            };
            foreach (var client in allowed)
            {
                using var response = await SendAsync(client, endpoint, path);
                response.StatusCode.ShouldNotBeOneOf([HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden], $"{Method(endpoint)} {path}");
            }
        }
    }

    [Fact]
    public async Task UnknownSystem_IsAnsweredLikeAnotherSystemsEndpoint()
    {
        using var erp = _host.System(AuthTestHost.ErpKey);
        using var toUnknown = await erp.PostAsync("/api/inbound/no-such-system/production-order", Json("{}"));
        using var toOther = await erp.PostAsync("/api/inbound/mes/material-request", Json("{}"));
        toUnknown.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        toOther.StatusCode.ShouldBe(toUnknown.StatusCode);
        (await toOther.Content.ReadAsStringAsync()).ShouldBe(await toUnknown.Content.ReadAsStringAsync());

        using var anonymous = _host.Anonymous();
        using var unknownAnonymous = await anonymous.PostAsync("/api/inbound/no-such-system/x", Json("{}"));
        using var knownAnonymous = await anonymous.PostAsync("/api/inbound/erp/x", Json("{}"));
        unknownAnonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await unknownAnonymous.Content.ReadAsStringAsync()).ShouldBe(await knownAnonymous.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StatusPage_SendsABrowserToSignIn_AndHealthStaysOpen()
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.BaseUrl };
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        using var page = await browser.GetAsync("/");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldBe("/signin");
        (await browser.GetAsync("/signin")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private List<(RouteEndpoint Endpoint, string Path)> Endpoints() =>
        _host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (e, SamplePath(e.RoutePattern))).ToList();

    private static List<string> Policies(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();

    private static string Method(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Endpoint endpoint, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method(endpoint)), path);
        request.Headers.Accept.ParseAdd("application/json");
        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
        {
            request.Content = Json("{}");
        }

        return client.SendAsync(request);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string Who(HttpClient client, HttpClient erp, HttpClient mes, HttpClient operatorClient) =>
        client == erp ? "erp" : client == mes ? "mes" : client == operatorClient ? "operator" : "administrator";

    /// <summary>A concrete path for a route: the erp system, a known device, a fresh id for everything else.</summary>
    private static string SamplePath(RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternParameterPart parameter => Sample(parameter),
                    RoutePatternSeparatorPart separator => separator.Content,
                    _ => "",
                });
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    private static string Sample(RoutePatternParameterPart parameter) => parameter.Name switch
    {
        "system" => "erp",
        "messageType" => "production-order",
        "device" => "line1",
        "file" => "app.js",
        _ when parameter.ParameterPolicies.Any(p => p.Content == "guid") => Guid.NewGuid().ToString(),
        _ when parameter.IsCatchAll => "",
        _ => "sample-" + parameter.Name,
    };
}

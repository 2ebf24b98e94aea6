using Bridge.Adapters.OpcUa;
using Bridge.Adapters.OpcUa.Stack;
using Bridge.Host.Infrastructure.Http;
using Bridge.Host.Operations.Auth;

namespace Bridge.Host.Pipeline.Devices;

/// <summary>
/// <c>POST /api/devices/{device}/writes/{key}</c> (body: the value as text): writes back to a device's configured
/// write target (an acknowledgement flag, a job number to a station). The caller is an administrator or presents the
/// X-Api-Key of the system the device belongs to (403 otherwise). 200 with the status name; 404 unknown device or target; 502 when the server refuses.
/// </summary>
public static class DeviceEndpoints
{
    public static IEndpointRouteBuilder MapDeviceEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/devices/{device}/writes/{key}", async (string device, string key, HttpRequest request, IServiceProvider services, CancellationToken ct) =>
        {
            // A system learns nothing about devices not its own: unknown and foreign devices are both 403 for it.
            var target = services.GetKeyedService<OpcUaDevice>(device);
            if (target is null || !DeviceWriteAccess.Allows(request.HttpContext.User, target.System))
            {
                return target is null && DeviceWriteAccess.Allows(request.HttpContext.User, "")
                    ? Results.Problem(statusCode: 404, title: "unknown device", detail: $"no device '{EchoedId.Of(device)}' in config/devices")
                    : Results.Problem(statusCode: 403, title: "forbidden", detail: "this caller may not write to this device");
            }

            using var reader = new StreamReader(request.Body);
            var value = (await reader.ReadToEndAsync(ct)).Trim();
            try
            {
                var status = await target.WriteAsync(key, value, ct);
                return status.IsGood
                    ? Results.Ok(new { device, key, value, status = status.Name })
                    : Results.Problem(statusCode: 502, title: "write refused", detail: $"the server answered {status.Name} for '{key}' = '{value}'");
            }
            catch (OpcUaException ex) when (ex.StatusCode.Name == "BadNodeIdUnknown")
            {
                return Results.Problem(statusCode: 404, title: "unknown write target", detail: ex.Message);
            }
            catch (OpcUaException ex)
            {
                return Results.Problem(statusCode: 502, title: "write failed", detail: ex.Message);
            }
        });
        return routes;
    }
}

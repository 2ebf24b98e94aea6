using System.Security.Claims;

namespace Bridge.Host.Operations.Auth;

/// <summary>Who may write to a device: an administrator, or the system the device belongs to.</summary>
public static class DeviceWriteAccess
{
    public static bool Allows(ClaimsPrincipal user, string deviceSystem) =>
        user.IsInRole(BridgeRoles.Administrator)
        || string.Equals(user.FindFirst(BridgeRoles.SystemClaim)?.Value, deviceSystem, StringComparison.Ordinal);
}

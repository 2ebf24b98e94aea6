using System.Security.Claims;

namespace Bridge.Host.Operations.Auth;

/// <summary>Who a key belongs to: a system (with its id), an operator or an administrator (with a name).</summary>
public sealed record Caller(string Kind, string Name)
{
    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, Name), new(ClaimTypes.Role, Kind) };
        switch (Kind)
        {
            case BridgeRoles.System:
                claims.Add(new Claim(BridgeRoles.SystemClaim, Name));
                break;
            case BridgeRoles.Administrator:
                claims.Add(new Claim(ClaimTypes.Role, BridgeRoles.Operator));
                break;
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}

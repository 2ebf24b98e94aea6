namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Whether OpenSecureChannel issues a new token or renews one (Part 4, 5.5.2).</summary>
public enum SecurityTokenRequestType
{
    Issue = 0,
    Renew = 1,
}

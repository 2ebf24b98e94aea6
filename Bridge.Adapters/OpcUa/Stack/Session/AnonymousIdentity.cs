namespace Bridge.Adapters.OpcUa.Stack.Session;

/// <summary>No user: the server's anonymous access rights.</summary>
public sealed record AnonymousIdentity : UserIdentity
{
    public override string ToString() => "anonymous";
}

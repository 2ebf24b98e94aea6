namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The kind of user identity token a policy accepts (Part 4, 7.42).</summary>
public enum UserTokenType
{
    Anonymous = 0,
    UserName = 1,
    Certificate = 2,
    IssuedToken = 3,
}

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>How messages on a secure channel are protected (Part 4, 7.20).</summary>
public enum MessageSecurityMode
{
    Invalid = 0,
    None = 1,
    Sign = 2,
    SignAndEncrypt = 3,
}

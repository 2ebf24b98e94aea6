namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>A service request; the channel fills in its header before sending.</summary>
public interface IServiceRequest
{
    RequestHeader RequestHeader { get; set; }
}

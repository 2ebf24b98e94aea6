namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>A service response; its header carries the service result.</summary>
public interface IServiceResponse
{
    ResponseHeader ResponseHeader { get; }
}

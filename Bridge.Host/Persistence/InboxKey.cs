namespace Bridge.Host.Persistence;

/// <summary>
/// Identifies one consumer's receipt of one message. The endpoint name is part of it: a message consumed on two
/// endpoints (or by two consumers on one) is two receipts; renaming an endpoint therefore starts a fresh inbox.
/// </summary>
public readonly record struct InboxKey(string EndpointName, Guid ConsumerId, Guid MessageId)
{
    public static string EndpointNameOf(Uri? inputAddress)
    {
        if (inputAddress is null)
            return "unknown";
        var path = inputAddress.AbsolutePath.TrimEnd('/');
        var slash = path.LastIndexOf('/');
        return slash >= 0 ? path[(slash + 1)..] : path;
    }
}

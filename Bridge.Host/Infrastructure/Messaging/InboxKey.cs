using System.Security.Cryptography;
using System.Text;

namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>
/// Identifies one consumer's receipt of one message. The endpoint name is part of it: a message consumed on two
/// endpoints (or by two consumers on one) is two receipts; renaming an endpoint therefore starts a fresh inbox.
/// </summary>
public readonly record struct InboxKey(string EndpointName, Guid ConsumerId, Guid MessageId)
{
    /// <summary>
    /// The consumer part of the key: MassTransit's consumer id combined with the consumer (or saga) type, so two consumers
    /// on one endpoint never share a receipt however MassTransit derives the id. Stable across restarts (a hash, not
    /// GetHashCode); renaming the consumer type starts a fresh inbox, as renaming the endpoint does.
    /// </summary>
    public static Guid ConsumerKeyOf(Guid consumerId, string? consumerType)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{consumerId:N}|{consumerType}"), hash);
        return new Guid(hash[..16]);
    }

    public static string EndpointNameOf(Uri? inputAddress)
    {
        if (inputAddress is null)
            return "unknown";
        var path = inputAddress.AbsolutePath.TrimEnd('/');
        var slash = path.LastIndexOf('/');
        return slash >= 0 ? path[(slash + 1)..] : path;
    }
}

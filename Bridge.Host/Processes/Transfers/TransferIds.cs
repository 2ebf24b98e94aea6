using System.Security.Cryptography;
using System.Text;

namespace Bridge.Host.Processes.Transfers;

/// <summary>The transfer saga's key, derived from the transfer order id the TMS echoes in every status.</summary>
public static class TransferIds
{
    public static Guid ForTransferOrder(string transferOrderId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("bridge:transfer:" + transferOrderId));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}

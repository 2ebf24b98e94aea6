using System.Security.Cryptography;
using System.Text;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>
/// Saga keys derived from business ids, so any host finds the same saga for the same MES request id,
/// and pick order ids that carry the saga key back (the WMS echoes the pick order id in its confirmation).
/// </summary>
public static class MaterialRequestIds
{
    private const string PickPrefix = "PK-";

    public static Guid ForRequest(string requestId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("bridge:material-request:" + requestId));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private const string ReplanSuffix = "#replan-";

    /// <summary>
    /// The stock reservation a request holds: its request id for the first plan, a suffixed id for each re-plan after an
    /// order change (each reservation is all or nothing, so more material after a change is a reservation of its own).
    /// </summary>
    public static string ReservationId(string requestId, int replan) => replan == 0 ? requestId : $"{requestId}{ReplanSuffix}{replan}";

    /// <summary>The request ids a reservation id may belong to, most specific first (a request id may itself contain the suffix).</summary>
    public static IEnumerable<string> RequestIdsOfReservation(string reservationId)
    {
        yield return reservationId;
        var at = reservationId.LastIndexOf(ReplanSuffix, StringComparison.Ordinal);
        if (at > 0 && int.TryParse(reservationId.AsSpan(at + ReplanSuffix.Length), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            yield return reservationId[..at];
        }
    }

    public static string PickOrderId(Guid sagaId, int index) => $"{PickPrefix}{sagaId:N}-{index + 1}";

    /// <summary>The request's transfer orders (stock from another site): TO-{saga key}-{1, 2, …}.</summary>
    public static string TransferOrderId(Guid sagaId, int index) => $"TO-{sagaId:N}-{index + 1}";

    /// <summary>The saga key inside a pick order id, or <see cref="Guid.Empty"/> when it is not one of ours.</summary>
    public static Guid FromPickOrderId(string pickOrderId)
    {
        if (pickOrderId.StartsWith(PickPrefix, StringComparison.Ordinal)
            && pickOrderId.Length >= PickPrefix.Length + 32
            && Guid.TryParseExact(pickOrderId.AsSpan(PickPrefix.Length, 32), "N", out var id))
        {
            return id;
        }

        return Guid.Empty;
    }
}

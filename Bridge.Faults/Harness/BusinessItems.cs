using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bridge.Faults.Harness;

/// <summary>
/// What business item a receiver's call is about, from what the shipped outbound mappings put in it: a pick order's
/// lines (WMS A's <c>reference</c> = order/request, and each position's <c>sku</c>), a replenishment request's location
/// (the id is <c>RP-{location}-{fall}</c>; each sensor location falls once in a run), a delivery's request id.
/// </summary>
public static class BusinessItems
{
    public static IReadOnlyCollection<string> Of(ReceivedKind kind, string subject, string body) => kind switch
    {
        ReceivedKind.PickOrder => PickOrderLines(subject, body),
        ReceivedKind.ReplenishmentRequest => [ReplenishmentLocation(subject)],
        _ => [subject],
    };

    /// <summary>"RP-LF-S0014-0001" → "LF-S0014".</summary>
    public static string ReplenishmentLocation(string replenishmentId)
    {
        var location = replenishmentId.StartsWith("RP-", StringComparison.Ordinal) ? replenishmentId[3..] : replenishmentId;
        var last = location.LastIndexOf('-');
        return last > 0 && location[(last + 1)..].All(char.IsAsciiDigit) ? location[..last] : location;
    }

    private static IReadOnlyCollection<string> PickOrderLines(string subject, string body)
    {
        JsonNode? pickList;
        try
        {
            pickList = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return [subject];
        }

        var reference = pickList?["reference"]?.GetValue<string>() ?? subject;
        var lines = (pickList?["positions"] as JsonArray ?? [])
            .Select(p => reference + " " + (p?["sku"]?.ToString() ?? "?"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return lines.Count > 0 ? lines : [subject];
    }
}

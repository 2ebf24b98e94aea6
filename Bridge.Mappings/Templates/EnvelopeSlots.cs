using System.Reflection;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Templates;

/// <summary>
/// Fills the envelope of an inbound message: MessageId and Source always; CorrelationId and OccurredAt when the
/// mapping left them unmapped — the business key by message type (request, pick order, order, location…), and now.
/// </summary>
internal sealed class EnvelopeSlots
{
    private static readonly string[] CorrelationPreference =
        ["requestId", "pickOrderId", "transferOrderId", "replenishmentId", "orderId", "location", "warehouse"];

    private int _messageId = -1, _source = -1, _correlation = -1, _occurredAt = -1, _keySlot = -1, _nestedSlot = -1;
    private bool _correlationMapped, _occurredMapped;

    public static EnvelopeSlots For(ObjectPlan plan)
    {
        var slots = new EnvelopeSlots();
        var mapped = plan.Members.ToDictionary(m => m.Name, m => m.Slot);
        foreach (var member in plan.Shape.Members)
        {
            switch (member.Name)
            {
                case "messageId": slots._messageId = member.Slot; break;
                case "source": slots._source = member.Slot; break;
                case "correlationId": slots._correlation = member.Slot; break;
                case "occurredAt": slots._occurredAt = member.Slot; break;
            }
        }
        slots._correlationMapped = mapped.ContainsKey("correlationId");
        slots._occurredMapped = mapped.ContainsKey("occurredAt");
        foreach (var name in CorrelationPreference)
        {
            var member = plan.Shape.Members.FirstOrDefault(m => m.Name == name && m.Type == typeof(string));
            if (member is not null && mapped.ContainsKey(name))
            {
                slots._keySlot = member.Slot;
                break;
            }
        }
        if (slots._keySlot < 0)
        {
            var nested = plan.Members.FirstOrDefault(m => m.Plan is ObjectPlan);
            if (nested is not null) slots._nestedSlot = nested.Slot;
        }
        return slots;
    }

    public void Fill(object?[] slots, Guid messageId, string system, string documentId, DateTimeOffset now)
    {
        slots[_messageId] = messageId;
        slots[_source] = system;
        if (!_correlationMapped || Values.IsMissing(slots[_correlation])) slots[_correlation] = DefaultCorrelation(slots) ?? documentId;
        if (!_occurredMapped || slots[_occurredAt] is null) slots[_occurredAt] = now;
    }

    /// <summary>The occurredAt the message will carry: the mapped one, else <paramref name="now"/>.</summary>
    public DateTimeOffset ObservedAt(object?[] slots, DateTimeOffset now) =>
        _occurredMapped && slots[_occurredAt] is DateTimeOffset mapped ? mapped : now;

    private string? DefaultCorrelation(object?[] slots)
    {
        if (_keySlot >= 0) return slots[_keySlot] as string;
        if (_nestedSlot >= 0 && slots[_nestedSlot] is { } nested)
        {
            // e.g. InventoryChanged.Record: warehouse/material identifies the stock being changed.
            var parts = NestedKeyOf(nested.GetType());
            string? key = null;
            foreach (var part in parts)
            {
                if (part.GetValue(nested) is not string { Length: > 0 } text) continue;
                key = key is null ? text : string.Concat(key, "/", text);
            }
            return key;
        }
        return null;
    }

    /// <summary>The nested record's key properties, looked up once per type rather than once per message.</summary>
    private PropertyInfo[] NestedKeyOf(Type type)
    {
        if (_nestedKey is { } known && known.Type == type) return known.Parts;
        var parts = NestedKeyNames.Select(n => type.GetProperty(n, BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p is not null && p.PropertyType == typeof(string)).Select(p => p!).ToArray();
        _nestedKey = new NestedKey(type, parts);
        return parts;
    }

    private static readonly string[] NestedKeyNames = ["Warehouse", "Material", "Location"];

    private NestedKey? _nestedKey;

    private sealed record NestedKey(Type Type, PropertyInfo[] Parts);
}

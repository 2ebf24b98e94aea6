using System.Globalization;
using System.Text.Json;
using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Mappings.Runtime;

namespace Bridge.Benchmarks;

/// <summary>
/// What config/mappings/erp/production-order.yaml does, written by hand with System.Text.Json: the baseline
/// for the compiled mapping (same lookups, same de-DE parsing, same time zone, same message id).
/// </summary>
internal sealed class HandWrittenProductionOrderMapper(
    IReadOnlyDictionary<string, string> materials,
    IReadOnlyDictionary<string, string> plants,
    IReadOnlyDictionary<string, string> units,
    TimeZoneInfo plantZone)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public ProductionOrderReleased Map(ReadOnlyMemory<byte> payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        var header = root.GetProperty("header");
        var orderNo = root.GetProperty("orderNo").GetString()!;
        var revision = root.GetProperty("revision").GetRawText();
        var orderId = orderNo.TrimStart('0');
        var components = root.GetProperty("components");
        var bom = new BomLine[components.GetArrayLength()];
        var i = 0;
        foreach (var component in components.EnumerateArray()) bom[i++] = Line(component);
        var due = DateTime.ParseExact(header.GetProperty("finish").GetString()!, "dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
        return new ProductionOrderReleased
        {
            MessageId = DeterministicId.Create("erp", "production-order", orderNo, revision, 0),
            CorrelationId = orderId,
            Source = "erp",
            OccurredAt = DateTimeOffset.Parse(root.GetProperty("releasedOn").GetString()!, CultureInfo.InvariantCulture).ToUniversalTime(),
            OrderId = orderId,
            Plant = Lookup(plants, "plant", root.GetProperty("plantCode").GetString()!),
            Line = root.GetProperty("lineCode").GetString(),
            WorkCenter = root.GetProperty("workCenter").GetString(),
            StorageZone = root.GetProperty("storageZone").GetString(),
            Material = Lookup(materials, "material", header.GetProperty("material").GetString()!),
            Quantity = decimal.Parse(header.GetProperty("quantity").GetString()!, NumberStyles.Number, German),
            Unit = Lookup(units, "units", header.GetProperty("uom").GetString()!),
            DueAt = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(due, plantZone), TimeSpan.Zero),
            Bom = bom,
        };
    }

    private BomLine Line(JsonElement component)
    {
        var scrap = component.TryGetProperty("scrap", out var s) && s.GetString() is { Length: > 0 } text ? decimal.Parse(text, NumberStyles.Number, German) : 0m;
        var subItems = component.TryGetProperty("subItems", out var subs) ? subs.EnumerateArray().Select(Line).ToArray() : [];
        return new BomLine
        {
            Material = Lookup(materials, "material", component.GetProperty("material").GetString()!),
            QuantityPer = decimal.Parse(component.GetProperty("qtyPerUnit").GetString()!, NumberStyles.Number, German),
            Unit = Lookup(units, "units", component.GetProperty("uom").GetString()!),
            ScrapPercent = scrap,
            IsPhantom = component.TryGetProperty("category", out var c) && c.GetString() == "PH",
            Components = subItems,
        };
    }

    private static string Lookup(IReadOnlyDictionary<string, string> table, string name, string key) =>
        table.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"table '{name}' has no entry for key '{key}'");
}

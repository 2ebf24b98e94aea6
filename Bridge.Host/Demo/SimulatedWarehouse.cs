using System.Globalization;
using System.Text.Json.Nodes;

namespace Bridge.Host.Demo;

/// <summary>
/// Demo only: a WMS for site A with its own item numbers, units and bins. It reports stock changes, and answers a
/// pick list (the JSON Bridge renders with config/mappings/wms-a/pick-order.yaml) with a pick confirmation,
/// taking the quantities out of its bins as a real WMS would, then reporting the new on-hand quantities.
/// </summary>
public sealed class SimulatedWarehouse
{
    private readonly Dictionary<(string Sku, string Bin, string Batch), (decimal OnHand, string Uom)> _bins = new();
    private int _sequence = 88000;
    private int _pickLists = 99000;

    // The WMS's own clock: every report after a pick is stamped after that pick, as a real WMS's would be.
    private DateTimeOffset _clock = new(2026, 11, 22, 7, 0, 0, TimeSpan.Zero);

    public string Put(string sku, string bin, string batch, decimal onHand, string uom)
    {
        _bins[(sku, bin, batch)] = (onHand, uom);
        return Feed([(sku, bin, batch)]);
    }

    /// <summary>Confirms the pick list in full; returns the confirmation and the stock feed that follows it.</summary>
    public (string Confirmation, string StockFeed, int Positions) Confirm(string pickListJson)
    {
        var pickList = JsonNode.Parse(pickListJson)!.AsObject();
        var positions = new JsonArray();
        var touched = new List<(string, string, string)>();
        foreach (var position in pickList["positions"]!.AsArray())
        {
            var sku = (string)position!["sku"]!;
            var bin = (string?)position["fromBin"] ?? "";
            var batch = (string?)position["batch"] ?? "";
            var quantity = position["qty"]!.GetValue<decimal>();
            var key = (sku, bin, batch);
            if (_bins.TryGetValue(key, out var stock))
            {
                _bins[key] = (stock.OnHand - quantity, stock.Uom);
                touched.Add(key);
            }

            positions.Add(new JsonObject
            {
                ["posNo"] = position["posNo"]!.DeepClone(),
                ["sku"] = sku,
                ["uom"] = (string)position["uom"]!,
                ["batches"] = new JsonArray { new JsonObject { ["batch"] = batch, ["qty"] = quantity, ["fromBin"] = bin } },
            });
        }

        var confirmation = new JsonObject
        {
            ["confirmation"] = new JsonObject
            {
                ["pickListNo"] = $"PL-{++_pickLists:0000000}",
                ["ourRef"] = (string)pickList["pickListRef"]!,
                ["whse"] = "01",
                ["completedAt"] = Stamp(_clock = _clock.AddMinutes(10)),
                ["picker"] = "u0815",
                ["positions"] = positions,
            },
        };
        return (confirmation.ToJsonString(), Feed(touched), positions.Count);
    }

    private string Feed(IEnumerable<(string Sku, string Bin, string Batch)> keys) => new JsonObject
    {
        ["feed"] = "STOCK_CHANGES",
        ["whse"] = "01",
        ["sentAt"] = Stamp(_clock),
        ["changes"] = new JsonArray(keys.Select(key => (JsonNode)new JsonObject
        {
            ["seq"] = ++_sequence,
            ["sku"] = key.Sku,
            ["batch"] = key.Batch,
            ["bin"] = key.Bin,
            ["onHand"] = _bins[key].OnHand,
            ["uom"] = _bins[key].Uom,
            ["state"] = "FREE",
            ["changedAt"] = Stamp(_clock),
        }).ToArray()),
    }.ToJsonString();

    private static string Stamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Describe(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

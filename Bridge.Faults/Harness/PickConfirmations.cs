using System.Text.Json.Nodes;

namespace Bridge.Faults.Harness;

/// <summary>
/// WMS A's answer to a pick list Bridge sent it (config/mappings/wms-a/pick-order.yaml): every position picked in
/// full from the bin and lot asked for, as config/mappings/wms-a/pick-confirmation.yaml reads it. The pick list
/// number is derived from Bridge's reference, so a confirmation sent twice is the same document.
/// </summary>
public static class PickConfirmations
{
    public static string For(string pickListJson)
    {
        var pickList = JsonNode.Parse(pickListJson)!.AsObject();
        var reference = (string)pickList["pickListRef"]!;
        var positions = new JsonArray();
        foreach (var position in pickList["positions"]!.AsArray())
        {
            positions.Add(new JsonObject
            {
                ["posNo"] = position!["posNo"]!.DeepClone(),
                ["sku"] = (string)position["sku"]!,
                ["uom"] = (string)position["uom"]!,
                ["batches"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["batch"] = (string?)position["batch"] ?? "",
                        ["qty"] = position["qty"]!.DeepClone(),
                        ["fromBin"] = (string?)position["fromBin"] ?? "",
                    },
                },
            });
        }

        return new JsonObject
        {
            ["confirmation"] = new JsonObject
            {
                ["pickListNo"] = "PL-" + reference,
                ["ourRef"] = reference,
                ["whse"] = "01",
                ["completedAt"] = "2026-11-22T15:41:07Z",
                ["picker"] = "faults",
                ["positions"] = positions,
            },
        }.ToJsonString();
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace Bridge.Faults.Load;

/// <summary>
/// What the load posts, in each system's own dialect (the shipped inbound mappings): an ERP production order with a
/// three-line BOM, WMS A's stock of those materials, an MES material request for one order.
/// </summary>
public static class Payloads
{
    /// <summary>ERP order number <paramref name="orderNo"/> (12 digits); one finished unit needs 2 pcs, 125 g, 0.75 m.</summary>
    public static string ProductionOrder(string orderNo) => new JsonObject
    {
        ["orderNo"] = orderNo,
        ["revision"] = 1,
        ["orderType"] = "PP01",
        ["plantCode"] = "1000",
        ["lineCode"] = "L1",
        ["workCenter"] = "ASSY-01",
        ["storageZone"] = "SZ-A",
        ["releasedOn"] = "2026-11-22T06:00:00+01:00",
        ["header"] = new JsonObject { ["material"] = "000000000000500000", ["quantity"] = "1,000", ["uom"] = "ST", ["finish"] = "24.11.2026 06:00" },
        ["components"] = new JsonArray
        {
            Component("0010", "000000000000100100", "2,000", "ST"),
            Component("0020", "000000000000100200", "125,000", "G"),
            Component("0030", "000000000000300300", "0,750", "M"),
        },
    }.ToJsonString();

    /// <summary>WMS A's stock feed: <paramref name="quantity"/> of each BOM material, free, in one bin each.</summary>
    public static string Stock(decimal quantity) => new JsonObject
    {
        ["feed"] = "STOCK_CHANGES",
        ["whse"] = "01",
        ["sentAt"] = "2026-11-22T06:00:00Z",
        ["changes"] = new JsonArray
        {
            StockLine(1, "100-A", "L-F1", "A-01-01", quantity, "PCE"),
            StockLine(2, "200-A", "L-F2", "A-01-02", quantity, "KGM"),
            StockLine(3, "300-B", "L-F3", "A-01-03", quantity, "MTR"),
        },
    }.ToJsonString();

    /// <summary>MES asks for the material of one unit of order <paramref name="orderNo"/> (leading zeros dropped, as MES writes it).</summary>
    public static string MaterialRequest(string requestNo, string orderNo) => new JsonObject
    {
        ["reqNo"] = requestNo,
        ["createdAt"] = "2026-11-22 07:10:00",
        ["prodOrder"] = orderNo.TrimStart('0'),
        ["lineNo"] = "L1",
        ["station"] = "L1-ST03",
        ["needBy"] = "2026-11-22 09:00:00",
        ["mode"] = "ORDER_QTY",
        ["orderQty"] = "1",
        ["items"] = new JsonArray(),
    }.ToJsonString();

    private static JsonObject Component(string item, string material, string quantityPer, string unit) => new()
    {
        ["item"] = item,
        ["material"] = material,
        ["qtyPerUnit"] = quantityPer,
        ["uom"] = unit,
        ["scrap"] = "",
        ["category"] = "L",
    };

    private static JsonObject StockLine(int seq, string sku, string batch, string bin, decimal onHand, string uom) => new()
    {
        ["seq"] = seq,
        ["sku"] = sku,
        ["batch"] = batch,
        ["bin"] = bin,
        ["onHand"] = onHand,
        ["uom"] = uom,
        ["state"] = "FREE",
        ["changedAt"] = "2026-11-22T06:00:00Z",
    };

    public static string Invariant(this int value) => value.ToString(CultureInfo.InvariantCulture);
}

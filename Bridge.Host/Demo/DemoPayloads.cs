using System.Globalization;
using System.Text.Json.Nodes;

namespace Bridge.Host.Demo;

/// <summary>
/// Demo only: payloads in the ERP's and the MES's own dialects (those of config/mappings/erp and mes):
/// 18-digit ERP material numbers, decimal commas, SAP units, plant-local MES timestamps.
/// </summary>
public static class DemoPayloads
{
    public static string ProductionOrder(string orderNo, decimal quantity) => new JsonObject
    {
        ["orderNo"] = orderNo,
        ["revision"] = 1,
        ["orderType"] = "PP01",
        ["plantCode"] = "1000",
        ["lineCode"] = "L1",
        ["workCenter"] = "ASSY-01",
        ["storageZone"] = "SZ-A",
        ["releasedOn"] = "2026-11-22T06:00:00+01:00",
        ["header"] = new JsonObject
        {
            ["material"] = "000000000000500000",
            ["quantity"] = Comma(quantity),
            ["uom"] = "ST",
            ["finish"] = "24.11.2026 06:00",
        },
        ["components"] = new JsonArray
        {
            Component("0010", "000000000000100100", "2,000", "ST", ""),
            Component("0020", "000000000000100200", "125,000", "G", ""),
            Component("0030", "000000000000300300", "0,750", "M", "3"),
        },
    }.ToJsonString();

    /// <param name="needBy">When the line needs it (plant time is written); default the fixed demo morning.</param>
    public static string MaterialRequest(string requestNo, string orderNo, decimal orderQuantity, DateTimeOffset? needBy = null) => new JsonObject
    {
        ["reqNo"] = requestNo,
        ["createdAt"] = "2026-11-22 07:10:00",
        ["prodOrder"] = orderNo.TrimStart('0'),
        ["lineNo"] = "L1",
        ["station"] = "L1-ST03",
        ["needBy"] = needBy is { } at
            ? TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : "2026-11-22 09:00:00",
        ["mode"] = "ORDER_QTY",
        ["orderQty"] = orderQuantity.ToString(CultureInfo.InvariantCulture),
        ["items"] = new JsonArray(),
    }.ToJsonString();

    private static JsonObject Component(string item, string material, string quantityPer, string unit, string scrap) => new()
    {
        ["item"] = item,
        ["material"] = material,
        ["qtyPerUnit"] = quantityPer,
        ["uom"] = unit,
        ["scrap"] = scrap,
        ["category"] = "L",
    };

    private static string Comma(decimal value) => value.ToString("0.000", CultureInfo.GetCultureInfo("de-DE"));

    /// <summary>A TMS shipment event (config/mappings/tms/transport-status.yaml): PICKED_UP, IN_TRANSIT, DELIVERED, LOST….</summary>
    public static string TransportEvent(string eventId, string transferOrderId, string requestId, string code, DateTimeOffset at) => new JsonObject
    {
        ["event"] = new JsonObject
        {
            ["eventId"] = eventId,
            ["shipmentRef"] = transferOrderId,
            ["customerRef"] = requestId,
            ["code"] = code,
            ["eventTime"] = at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
            ["carrier"] = "Spedition Nord",
        },
    }.ToJsonString();

    /// <summary>Site B's stock export (config/mappings/wms-b/inventory-csv.yaml): one free row.</summary>
    public static string SiteBStock(string material, string lot, string bin, decimal quantity, string unit) =>
        "Lager;Artikel;Charge;Lagerplatz;Bestand;ME;Status;MHD\r\n"
        + $"WH-B;{material};{lot};{bin};{quantity.ToString(CultureInfo.GetCultureInfo("de-DE"))};{unit};frei;\r\n";
}

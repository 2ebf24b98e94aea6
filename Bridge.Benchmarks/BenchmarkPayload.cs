using System.Globalization;
using System.Text;

namespace Bridge.Benchmarks;

/// <summary>A production order in the ERP dialect of config/mappings/erp/production-order.yaml with N BOM lines.</summary>
internal static class BenchmarkPayload
{
    private static readonly string[] Materials =
        ["000000000000100100", "000000000000100200", "000000000000300300", "000000000000410410", "000000000000420420"];
    private static readonly string[] Units = ["ST", "G", "M", "ST", "ST"];

    public static byte[] Create(int lines)
    {
        var sb = new StringBuilder();
        sb.Append("""
            { "orderNo": "000001004711", "revision": 3, "orderType": "PP01", "plantCode": "1000", "lineCode": "L1",
              "workCenter": "ASSY-01", "storageZone": "SZ-A", "releasedOn": "2026-11-22T14:03:11+01:00",
              "header": { "material": "000000000000500000", "quantity": "250,000", "uom": "ST", "finish": "24.11.2026 06:00" },
              "components": [
            """);
        for (var i = 0; i < lines; i++)
        {
            if (i > 0) sb.Append(",\n");
            var m = i % Materials.Length;
            var qty = (1 + (i % 7) * 0.25m).ToString("0.000", CultureInfo.GetCultureInfo("de-DE"));
            var scrap = i % 3 == 0 ? "\"\"" : $"\"{(i % 5) * 0.5m:0.00}\"".Replace('.', ',');
            sb.Append(CultureInfo.InvariantCulture, $$"""    { "item": "{{(i + 1) * 10:0000}}", "material": "{{Materials[m]}}", "qtyPerUnit": "{{qty}}", "uom": "{{Units[m]}}", "scrap": {{scrap}}, "category": "L" }""");
        }
        sb.Append("\n  ]\n}\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}

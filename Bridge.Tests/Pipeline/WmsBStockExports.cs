using System.Text;
using Bridge.Adapters.Envelopes;

namespace Bridge.Tests.Pipeline;

/// <summary>Stock exports in the shipped WMS-B dialect (its sample's columns, German number format) and their envelope.</summary>
public static class WmsBStockExports
{
    public const string Header = "Lager;Artikel;Charge;Lagerplatz;Bestand;ME;Status;MHD";

    /// <summary>One good row for bin <paramref name="bin"/>.</summary>
    public static string Row(string bin) => $"WH-B;A-100;L2611-20;{bin};2.400;ST;frei;31.03.2027";

    /// <summary>A header and <paramref name="rows"/> rows, CRLF-separated, as ASCII bytes.</summary>
    public static byte[] Export(int rows, Func<int, string> row, string header = Header)
    {
        var text = new StringBuilder(header).Append("\r\n");
        for (var i = 0; i < rows; i++) text.Append(row(i)).Append("\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The export as it arrives over HTTP at the inbound endpoint of <c>wms-b/inventory-export</c>.</summary>
    public static InboundEnvelope Envelope(byte[] export) =>
        new("http", "wms-b", "inventory-export", "text/csv; charset=utf-8", export, new Dictionary<string, string>());
}

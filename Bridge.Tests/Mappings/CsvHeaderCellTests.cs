using System.Text;
using Bridge.Contracts.Messages;
using Bridge.Mappings;

namespace Bridge.Tests.Mappings;

/// <summary>
/// A CSV header cell is a column name, and the reader used to repeat every column's name in every row of the JSON it
/// built from the text and parsed again. A hostile header made that quadratic: a 256 KB first header cell and 4,000
/// one-character rows (a 264 KB upload) sized a JSON buffer of a gigabyte; and a header cell with characters to escape
/// was escaped in a pooled buffer of six times its length (the 4 KB segmenting covered cells, not names). Rows are now
/// read as records over the one header, with no JSON between; what a mapping sees of them is unchanged.
/// </summary>
public sealed class CsvHeaderCellTests : IDisposable
{
    /// <summary>Under the large-object heap's 85,000 bytes, for either element type.</summary>
    private const int SmallArray = 64 * 1024;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bridge-csv-header-" + Guid.NewGuid().ToString("N"));

    public CsvHeaderCellTests() => Directory.CreateDirectory(Path.Combine(_dir, "mappings", "x"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void StockExportWithAQuarterMegabyteHeaderCellOverManyRows_AllocatesInProportionToItsSize()
    {
        var rows = 4_000;
        var csv = Encoding.UTF8.GetBytes(new string('L', 256 * 1024) + ";Artikel\r\n" + string.Concat(Enumerable.Repeat("x\r\n", rows)));
        var mapping = ShippedMappings.Set.FindInbound("wms-b", "inventory-export")!;

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = mapping.Map(csv, "text/csv; charset=utf-8", ShippedMappings.NoMetadata);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        result.Messages.ShouldBeEmpty();
        result.Errors.ShouldNotBeEmpty();
        result.Errors.ShouldAllBe(e => e.Message.Length <= 500);
        // The old reader's JSON repeated the 256 KB name in each of the 4,000 rows: a gigabyte.
        allocated.ShouldBeLessThan(64L * 1024 * 1024, $"mapping a {csv.Length:N0}-byte export allocated {allocated:N0} bytes");
    }

    [Fact]
    public void StockExportWithAMegabyteHeaderCellToEscape_RentsNoLargeCharBuffer()
    {
        var name = string.Concat(Enumerable.Repeat("Lager\u0001\"\u00fc", 125_000));
        var csv = Encoding.UTF8.GetBytes(name + ";Artikel;Charge;Lagerplatz;Bestand;ME;Status;MHD\r\nWH-B;A-100;L1;K-01-01;2,5;ST;frei;\r\n");
        var mapping = ShippedMappings.Set.FindInbound("wms-b", "inventory-export")!;

        using var rents = new SharedPoolRents();
        var result = mapping.Map(csv, "text/csv; charset=utf-8", ShippedMappings.NoMetadata);

        result.Messages.ShouldBeEmpty();
        result.Errors.ShouldNotBeEmpty();
        result.Errors.ShouldAllBe(e => e.Message.Length <= 500);
        rents.LargestChars.ShouldBeLessThanOrEqualTo(SmallArray, "a megabyte column name must not rent a char buffer of its escaped length");
    }

    [Fact]
    public void Rows_KeepWhatMappingsSaw_LastOfARepeatedNameWins_ExtraCellsAreColN_ShortRowsLackTheRest()
    {
        var mapping = Load("""
            system: x
            direction: inbound
            messageType: t
            format: csv
            csv: { delimiter: ";" }
            produces: PickFailed
            split: $
            fields: { pickOrderId: "Auftrag & '/' & col4", reason: "Notiz ?? 'none'" }
            """);
        // 'Auftrag' twice (the second wins where a row has it); row 3 has a fourth cell (col4); row 4 stops after its
        // first cell; the blank line is no record.
        var csv = " Auftrag ;Notiz;Auftrag\r\nP-1;late;Q-1\r\nP-2;\"said \"\"no\"\"; very\";Q-2;extra\r\nP-3\r\n\r\nP-4;soon;Q-4\r\n"u8.ToArray();

        var result = mapping.Map(csv, "text/csv", new Dictionary<string, string>());

        result.Errors.ShouldBeEmpty();
        result.Messages.Select(m => m.Message.CorrelationId).ShouldBe(["Q-1/", "Q-2/extra", "P-3/", "Q-4/"]);
        result.Messages.Select(m => ((PickFailed)m.Message).Reason).ShouldBe(["late", "said \"no\"; very", "none", "soon"]);
    }

    private InboundMapping Load(string yaml)
    {
        File.WriteAllText(Path.Combine(_dir, "mappings", "x", "m.yaml"), yaml);
        var result = MappingSet.LoadDirectory(_dir);
        result.Errors.ShouldBeEmpty();
        return result.Set!.Inbound.Single();
    }
}

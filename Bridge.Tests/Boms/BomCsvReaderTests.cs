using System.Diagnostics;
using System.Text;
using Bridge.Host.Domain.Boms;

namespace Bridge.Tests.Boms;

public class BomCsvReaderTests
{
    private static BomLoadResult Read(string csv, BomCsvColumns? columns = null) => BomCsvReader.Read(new StringReader(csv), "bom.csv", columns);

    [Fact]
    public void Read_AllColumns_GivesRowsWithOrigin()
    {
        var result = Read("""
            parent,component,qty_per,unit,scrap_pct,phantom,valid_from,valid_to
            FG,PH,1,pcs,0,true,,
            PH,"SCREW, M4",4.5,pcs,2.5,0,2026-01-01,2026-12-31
            """);

        result.Errors.ShouldBeEmpty();
        result.Rows.Count.ShouldBe(2);
        result.Rows[0].IsPhantom.ShouldBeTrue();
        result.Rows[1].ShouldBe(new BomComponent
        {
            Parent = "PH", Component = "SCREW, M4", QuantityPer = 4.5m, Unit = "pcs", ScrapPercent = 2.5m,
            ValidFrom = new DateOnly(2026, 1, 1), ValidTo = new DateOnly(2026, 12, 31), Origin = "bom.csv:3",
        });
    }

    [Fact]
    public void Read_AQuotedFieldOverALineBreak_IsOneRow_NumberedWhereItStarts()
    {
        var result = Read("parent,component,qty_per,unit\r\nFG,\"LABEL\r\n2 LINES\",1,pcs\r\nFG,Y,x,pcs\r\n");

        result.Errors.ShouldBe(["bom.csv:4: column qty_per (3): 'x' is not a decimal number (use '.' as the decimal point)"]);
        var withBreak = Read("parent,component,qty_per,unit\nFG,\"LABEL\n2 \"\"LINES\"\"\",1,pcs\n");
        withBreak.Errors.ShouldBeEmpty();
        withBreak.Rows.Single().ShouldBe(new BomComponent { Parent = "FG", Component = "LABEL\n2 \"LINES\"", QuantityPer = 1m, Unit = "pcs", Origin = "bom.csv:2" });
    }

    [Fact]
    public void Read_AQuoteNeverClosed_IsRefusedAtTheRowItOpens()
    {
        var result = Read("parent,component,qty_per,unit\nFG,X,1,pcs\nFG,\"Y,1,pcs\nFG,Z,1,pcs\n");

        result.Rows.ShouldBeEmpty();
        result.Errors.ShouldBe(["bom.csv:3: a quoted field opened on this row is not closed before the end of the file"]);
    }

    [Fact]
    public void Read_MappedHeaderNames_AndSemicolons()
    {
        var columns = BomCsvColumns.Parse(["parent=Baugruppe", "component=Komponente", "qty_per=Menge", "unit=ME"]);

        var result = Read("Baugruppe;Komponente;Menge;ME\nFG;X;2;kg\n", columns);

        result.Errors.ShouldBeEmpty();
        result.Rows.Single().Component.ShouldBe("X");
    }

    [Fact]
    public void Read_BadCells_NameRowAndColumn_AndReturnNoRows()
    {
        var result = Read("""
            parent,component,qty_per,unit,scrap_pct,phantom,valid_from
            FG,A,abc,pcs,0,0,
            FG,B,1,pcs,-1,maybe,2026-13-01
            FG,,1,pcs,,,
            """);

        result.Rows.ShouldBeEmpty();
        result.Errors.ShouldBe(
        [
            "bom.csv:2: column qty_per (3): 'abc' is not a decimal number (use '.' as the decimal point)",
            "bom.csv:3: column phantom (6): 'maybe' is not a yes/no value (true/false, 1/0, yes/no, x)",
            "bom.csv:3: column valid_from (7): '2026-13-01' is not a date (yyyy-MM-dd)",
            "bom.csv:3: column scrap_pct (5): must not be negative, was -1",
            "bom.csv:4: column component (2): is empty",
        ]);
    }

    [Fact]
    public void Read_MissingRequiredColumn_NamesIt() =>
        Read("parent,component,unit\nFG,A,pcs\n").Errors.ShouldBe(["bom.csv:1: no column 'qty_per' for qty_per in the header (parent,component,unit)"]);

    [Fact]
    public void Parse_UnknownColumnMapping_IsRefused() =>
        Should.Throw<BomException>(() => BomCsvColumns.Parse(["qty=Menge"])).Message.ShouldContain("column mapping 'qty=Menge'");

    [Fact]
    public void FiftyThousandLines_LoadInLinearTime()
    {
        var csv = new StringBuilder("parent,component,qty_per,unit,scrap_pct,phantom\n");
        for (var i = 0; i < 50_000; i++)
        {
            // A tree: node i's parent is node (i-1)/8, so 50,000 rows over about six levels.
            csv.Append(i == 0 ? "FG" : $"N{(i - 1) / 8}").Append(",N").Append(i).Append(",1.5,pcs,1,").Append(i % 5 == 0 && i < 6000 ? "1" : "0").Append('\n');
        }

        var text = csv.ToString();
        Read(text);
        var watch = Stopwatch.StartNew();
        var result = Read(text);
        var catalog = BomCatalog.Build(result.Rows);
        watch.Stop();
        catalog.Explode("FG", 1m, new DateOnly(2026, 12, 1)).Count.ShouldBe(50_000 - 6_250);

        result.Errors.ShouldBeEmpty();
        catalog.RowCount.ShouldBe(50_000);
        watch.ElapsedMilliseconds.ShouldBeLessThan(5000, "a guard against quadratic loading: the test runs in a debug build on a shared machine; the Release figure (bom-load benchmark) is in the README");
    }
}

using System.Text;
using Bridge.Mappings.Tables;

namespace Bridge.Tests.Mappings;

/// <summary>
/// A CSV payload is parsed from its bytes, decoded a slice at a time (4,096 bytes), instead of from one decoded string
/// per document. What a slice boundary may cut — a multi-byte character, a doubled quote, a CRLF — must read as it
/// does from the whole text; repeated short cells share one string.
/// </summary>
public sealed class CsvByteParsingTests
{
    [Fact]
    public void EveryCutAtASliceBoundary_ReadsAsTheWholeText()
    {
        for (var pad = 4_070; pad < 4_100; pad++)
        {
            var text = new string('x', pad) + ";\"a\"\"b\r\nc\";Grüße 📦\r\nWH-B;\"q\"\"\";K-01\r\n\r\nlast;row";
            var bytes = Encoding.UTF8.GetBytes(text);

            var fromBytes = CsvParser.Parse(bytes, Encoding.UTF8, ';');

            fromBytes.ShouldBe(CsvParser.Parse(text, ';'), $"padding {pad}");
            fromBytes[0][1].ShouldBe("a\"b\r\nc");
            fromBytes[0][2].ShouldBe("Grüße 📦");
        }
    }

    [Fact]
    public void Windows1252Bytes_AreDecodedByTheMappingsEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = new byte[] { (byte)'a', 0x80, (byte)';', 0xE4, (byte)'\n' };

        var rows = CsvParser.Parse(bytes, Encoding.GetEncoding(1252), ';');

        rows.ShouldHaveSingleItem().ShouldBe(["a€", "ä"]);
    }

    [Fact]
    public void RepeatedShortCells_ShareOneString_LongOnesAreReadWhole()
    {
        var longCell = new string('L', 100);
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"WH-B;frei;{longCell}\r\n", 3)));

        var rows = CsvParser.Parse(bytes, Encoding.UTF8, ';');

        rows.Count.ShouldBe(3);
        ReferenceEquals(rows[0][0], rows[2][0]).ShouldBeTrue();
        ReferenceEquals(rows[0][1], rows[1][1]).ShouldBeTrue();
        rows.ShouldAllBe(r => r[2] == longCell);
    }

    /// <summary>R4's csv-long-cell: a cell of 2^20 characters. Read into a buffer doubled up to its size, it cost 16 MB of large-object-heap arrays besides its own string.</summary>
    [Fact]
    public void AMegabyteCell_IsReadWhole_WithoutABufferItsSize()
    {
        var cell = string.Concat(Enumerable.Repeat("📦", 1 << 19));
        var bytes = Encoding.UTF8.GetBytes($"a;\"{cell}\"\"x\";b\r\nnext;row\r\n");
        CsvParser.Parse(Encoding.UTF8.GetBytes("warm;up"), Encoding.UTF8, ';');

        var before = GC.GetAllocatedBytesForCurrentThread();
        var rows = CsvParser.Parse(bytes, Encoding.UTF8, ';');
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        rows.Count.ShouldBe(2);
        rows[0][1].ShouldBe(cell + "\"x");
        rows[1].ShouldBe(["next", "row"]);
        // The cell's own string is 2 MB (2^20 UTF-16 characters); a contiguous buffer grown by doubling added 4 MB.
        allocated.ShouldBeLessThan(2 * cell.Length * 2L + (512 << 10), $"reading a {bytes.Length:N0}-byte document with a {cell.Length:N0}-character cell allocated {allocated:N0} bytes");
    }

    [Fact]
    public void AnEmptyPayload_HasNoRows() => CsvParser.Parse([], Encoding.UTF8, ';').ShouldBeEmpty();
}

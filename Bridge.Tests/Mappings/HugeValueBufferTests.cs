using System.Security.Cryptography;
using System.Text;
using Bridge.Contracts.Messages;
using Bridge.Mappings.Runtime;

namespace Bridge.Tests.Mappings;

/// <summary>
/// Found by the fault suite's R4 (host memory under hostile input): a heap dump of the host after the stock-export
/// flood held 32 MB char arrays of JSON-escaped text and 8 MB byte arrays holding a message id's text — buffers of the
/// shared array pools (which keep what is handed back), sized by one hostile cell: the CSV reader's JSON writer escaped
/// a megabyte cell in a pooled buffer of six times its length, the message id was hashed from a pooled copy of its
/// whole text, and a refused number quoted the whole value in its error before the error was shortened. Now a long
/// cell is written in segments, the id's text is hashed as it is appended, and errors quote a shortened value; the ids
/// are the same bytes hashed as before.
/// </summary>
public sealed class HugeValueBufferTests
{
    /// <summary>Under the large-object heap's 85,000 bytes, for either element type.</summary>
    private const int SmallArray = 64 * 1024;

    private static readonly string Header = "Lager;Artikel;Charge;Lagerplatz;Bestand;ME;Status;MHD\r\n";

    [Fact]
    public void StockExportWithAMegabyteCell_RentsNoLargeCharBuffer_AndItsErrorQuotesAShortValue()
    {
        // Non-ASCII and control characters: text the writer must escape, as R4's csv-long-cell and csv-control make it.
        var cell = string.Concat(Enumerable.Repeat("\u00f0\u0178\u201c\u00a6\u0001", 200_000));
        var csv = Encoding.UTF8.GetBytes(Header + "WH-B;A-100;L1;K-01-01;" + cell + ";ST;frei;\r\n");
        var mapping = ShippedMappings.Set.FindInbound("wms-b", "inventory-export")!;

        using var rents = new SharedPoolRents();
        var result = mapping.Map(csv, "text/csv; charset=utf-8", ShippedMappings.NoMetadata);

        var error = result.Errors.ShouldHaveSingleItem();
        error.Field.ShouldEndWith("quantity");
        error.Message.ShouldStartWith("expected a number in culture 'de-DE'");
        error.Message.Length.ShouldBeLessThanOrEqualTo(500);
        rents.LargestChars.ShouldBeLessThanOrEqualTo(SmallArray, "a megabyte cell must not rent a char buffer of its escaped length");
    }

    [Fact]
    public void StockExportWithAMegabyteIdentity_MapsWithTheIdOfItsWholeText_AndRentsNoLargeCharBuffer()
    {
        var article = string.Concat(Enumerable.Repeat("A-\u7269\ud83d\udce6\"", 250_000));
        var csv = Encoding.UTF8.GetBytes(Header + "WH-B;" + article + ";L1;K-01-01;2,5;ST;frei;\r\n");
        var mapping = ShippedMappings.Set.FindInbound("wms-b", "inventory-export")!;

        using var rents = new SharedPoolRents();
        var result = mapping.Map(csv, "text/csv; charset=utf-8", ShippedMappings.NoMetadata);

        result.Errors.ShouldBeEmpty();
        var message = result.Messages.ShouldHaveSingleItem().Message.ShouldBeOfType<InventoryChanged>();
        // The mapping reads the export as Windows-1252: the material is the cell's text as that reading gives it.
        message.Record.Material.ShouldBe(Encoding.GetEncoding(1252).GetString(Encoding.UTF8.GetBytes(article)));
        rents.LargestChars.ShouldBeLessThanOrEqualTo(SmallArray, "a megabyte identity must not rent a char buffer of its escaped length");
    }

    [Fact]
    public void PayloadHashOfFourMegabytes_IsTheOneShotHash_WithoutRentingItsSize()
    {
        var payload = new byte[4 * 1024 * 1024];
        new Random(12).NextBytes(payload);
        var metadata = new Dictionary<string, string> { ["topic"] = "plant/BER", ["big"] = new string('\u00fc', 100_000) };

        using var rents = new SharedPoolRents();
        var hash = DeterministicId.HashPayload(payload, metadata);

        rents.LargestBytes.ShouldBeLessThanOrEqualTo(SmallArray);
        var expected = payload.Concat(Encoding.UTF8.GetBytes("\nbig=" + metadata["big"] + "\ntopic=plant/BER")).ToArray();
        hash.ShouldBe(Convert.ToHexString(SHA256.HashData(expected)));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(HashText.MaxBuffered / 3)]
    [InlineData(HashText.MaxBuffered)]
    [InlineData(HashText.MaxBuffered * 3 + 7)]
    public void HashText_OfTextWithPairsAndLoneSurrogatesAcrossItsBuffer_HashesWhatEncodingUtf8Writes(int repeats)
    {
        // Pairs, a lone high and a lone low surrogate, one-, two- and three-byte characters: every buffer boundary falls somewhere in them.
        var text = string.Concat(Enumerable.Repeat("a\ud83d\udce6\u00fc\ud800\u7269\udc00", repeats));
        using var hashed = new HashText(16);
        hashed.Append("id\n");
        hashed.Append(text);
        hashed.Append('\n');
        hashed.Append(-1);

        var hash = new byte[32];
        hashed.Hash(hash);

        hash.ShouldBe(SHA256.HashData(Encoding.UTF8.GetBytes("id\n" + text + "\n-1")));
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bridge.Adapters.Envelopes;
using Bridge.Host.Demo;
using Bridge.Host.Pipeline.Inbound;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Bridge.Tests.Pipeline;

/// <summary>
/// Issue 12 R4: WMS B's stock export of 20,000 rows (the fault suite's csv-many-rows) took 10–60 s to accept and is
/// now one pass per row in memory and one transaction per store. Measured by counts, not wall clock: the audit trail's
/// rows of the document come from one transaction, and mapping plus the value rules allocate per row no more for
/// 20,000 rows than for 2,000 (a quadratic path allocates more per row as the document grows).
/// </summary>
[Trait("Category", "Integration")]
public sealed class CsvStockExportAcceptTests(ITestOutputHelper output)
{
    private const string Key = "csv-wms-b-key";

    [Fact]
    public async Task TwentyThousandRowExport_IsAccepted_OneAuditTransaction_MappingAllocatesLinearly()
    {
        if (!TestServers.Available)
            return;
        await using var receivers = await SimulatedSystems.StartAsync("mes", "wms-a");
        var database = await TestServers.CreateDatabaseAsync("csv-export");
        await using var host = await BridgeTestHost.StartAsync(await TestServers.CreateVirtualHostAsync("csv-export"), database, receivers,
            new Dictionary<string, string?> { ["Bridge:ApiKeys:wms-b"] = Key });
        var ingestor = host.Services.GetRequiredService<EnvelopeIngestor>();

        Map(ingestor, Export(200, "W"));
        var small = Map(ingestor, Export(2_000, "S"));
        var large = Map(ingestor, Export(20_000, "L"));
        output.WriteLine($"map + value rules: 2,000 rows {small:0} B/row, 20,000 rows {large:0} B/row");
        large.ShouldBeLessThan(small * 1.5, "allocation per row must not grow with the document");
        large.ShouldBeLessThan(24 * 1024, "a stock row should cost a few KB to map and check");

        var clock = Stopwatch.StartNew();
        using var client = host.NewClient();
        client.Timeout = TimeSpan.FromMinutes(2);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/wms-b/inventory-export") { Content = new ByteArrayContent(Export(20_000, "H")) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv; charset=utf-8");
        request.Headers.Add("X-Api-Key", Key);
        using var response = await client.SendAsync(request);
        output.WriteLine($"20,000-row export accepted over HTTP in {clock.Elapsed.TotalSeconds:0.00} s (load {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        answer.RootElement.GetProperty("messages").GetArrayLength().ShouldBe(20_000);
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var command = dataSource.CreateCommand(
            "select count(*), count(distinct xmin::text) from audit_log where system = 'wms-b' and message_type = 'inventory-export → InventoryChanged'");
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        (reader.GetInt64(0), reader.GetInt64(1)).ShouldBe((20_000L, 1L), "one audit row per message, all in one transaction");
    }

    /// <summary>Bytes allocated per row by mapping the export and checking every message (on this thread: both are synchronous).</summary>
    private static double Map(EnvelopeIngestor ingestor, byte[] export)
    {
        var rows = Encoding.UTF8.GetString(export).Count(c => c == '\n') - 1;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var attempt = ingestor.Map(new InboundEnvelope("http", "wms-b", "inventory-export", "text/csv; charset=utf-8", export, new Dictionary<string, string>()));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        attempt.Errors.ShouldBeEmpty();
        attempt.Messages.Count.ShouldBe(rows);
        return (double)allocated / rows;
    }

    /// <summary>A stock export of <paramref name="rows"/> distinct bins (the sample's columns, German number format).</summary>
    private static byte[] Export(int rows, string prefix)
    {
        var text = new StringBuilder("Lager;Artikel;Charge;Lagerplatz;Bestand;ME;Status;MHD\r\n");
        for (var i = 0; i < rows; i++)
            text.Append("WH-B;A-100;L2611-20;").Append(prefix).Append("-K-").Append(i).Append(";2.400;ST;frei;31.03.2027\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}

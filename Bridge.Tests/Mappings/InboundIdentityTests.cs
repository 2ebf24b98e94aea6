using System.Text;
using Bridge.Contracts.Messages;
using Bridge.Host.Domain.Stock;
using Bridge.Mappings;
using Bridge.Mappings.Loading;
using Bridge.Tests.Infrastructure;

namespace Bridge.Tests.Mappings;

/// <summary>
/// Issue 13 point 3: <c>identity: state</c> makes a stock report a new observation per sequence/time, never a hash of
/// its position or quantity; <c>identity: document</c> (the default) keeps a resent document a duplicate.
/// </summary>
public sealed class InboundIdentityTests
{
    sealed class SettableTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    static byte[] WmsBExport(string quantity) =>
        Encoding.UTF8.GetBytes($"Lager;Artikel;Charge;Lagerplatz;Bestand;ME;Status;MHD\nWH-B;A-100;L2611-20;K-01-01;{quantity};ST;frei;\n");

    static byte[] WmsAFeed(params string[] changes) =>
        Encoding.UTF8.GetBytes($$"""{ "whse": "01", "changes": [ {{string.Join(",", changes)}} ] }""");

    static string Change(int seq, string bin, int onHand, string changedAt) =>
        $$"""{ "seq": {{seq}}, "sku": "100-A", "batch": "L1", "bin": "{{bin}}", "onHand": {{onHand}}, "uom": "PCE", "state": "FREE", "changedAt": "{{changedAt}}" }""";

    [Fact]
    public void ShippedStockMappings_AreStateReports_AndDocumentsStayDocuments()
    {
        ShippedMappings.Set.FindInbound("wms-a", "inventory")!.Identity.ShouldBe(InboundIdentity.State);
        ShippedMappings.Set.FindInbound("wms-b", "inventory-export")!.Identity.ShouldBe(InboundIdentity.State);
        ShippedMappings.Set.Inbound.Where(m => m.Produces != typeof(InventoryChanged) && m.Produces != typeof(InventorySnapshot))
            .ShouldAllBe(m => m.Identity == InboundIdentity.Document);
    }

    [Fact]
    public async Task WmsBQuantity_2400_2000_2400_WithinAWeek_IsThreeMessages_AllApplied()
    {
        var time = new SettableTime(new DateTimeOffset(2026, 11, 20, 22, 0, 0, TimeSpan.Zero));
        var set = MappingSet.LoadDirectory(RepoPaths.Config, time).Set!;
        var mapping = set.FindInbound("wms-b", "inventory-export")!;
        var stock = new InMemoryStockView();
        var ids = new List<Guid>();
        foreach (var quantity in new[] { "2.400", "2.000", "2.400" })
        {
            var result = mapping.Map(WmsBExport(quantity), "text/csv", ShippedMappings.NoMetadata);
            result.Errors.ShouldBeEmpty();
            var message = (InventoryChanged)result.Messages.ShouldHaveSingleItem().Message;
            ids.Add(message.MessageId);
            (await stock.ApplyAsync(message.Record, message.OccurredAt, default)).Applied.ShouldBeTrue();
            time.Now = time.Now.AddDays(1);
        }

        ids.Distinct().Count().ShouldBe(3, "a quantity returning to an earlier value is a new report, not a duplicate");
        (await stock.ListAsync("A-100", default)).ShouldHaveSingleItem().Quantity.ShouldBe(2400m);
    }

    [Fact]
    public async Task WmsASameChange_AtAnotherBatchPosition_IsTheSameMessage_AndAnOlderOneIsNotAppliedOverANewer()
    {
        var mapping = ShippedMappings.Set.FindInbound("wms-a", "inventory")!;
        var first = mapping.Map(WmsAFeed(Change(7, "A-01", 2400, "2026-11-22T08:00:00Z")), "application/json", ShippedMappings.NoMetadata);
        var newer = mapping.Map(WmsAFeed(Change(8, "A-01", 2000, "2026-11-22T09:00:00Z")), "application/json", ShippedMappings.NoMetadata);
        // The WMS resends change 7 behind another bin's change: same observation, same id, whatever its position.
        var resent = mapping.Map(WmsAFeed(Change(3, "B-02", 5, "2026-11-22T07:00:00Z"), Change(7, "A-01", 2400, "2026-11-22T08:00:00Z")),
            "application/json", ShippedMappings.NoMetadata);

        var firstMessage = (InventoryChanged)first.Messages.Single().Message;
        var newerMessage = (InventoryChanged)newer.Messages.Single().Message;
        var resentMessage = (InventoryChanged)resent.Messages[1].Message;
        resentMessage.MessageId.ShouldBe(firstMessage.MessageId);
        newerMessage.MessageId.ShouldNotBe(firstMessage.MessageId);

        var stock = new InMemoryStockView();
        (await stock.ApplyAsync(firstMessage.Record, firstMessage.OccurredAt, default)).Applied.ShouldBeTrue();
        (await stock.ApplyAsync(newerMessage.Record, newerMessage.OccurredAt, default)).Applied.ShouldBeTrue();
        // Even where an inbox did not catch the repeat, the older observation does not overwrite the newer one.
        (await stock.ApplyAsync(resentMessage.Record, resentMessage.OccurredAt, default)).Applied.ShouldBeFalse();
        (await stock.ListAsync("A-100", default)).Single(e => e.Location == "A-01").Quantity.ShouldBe(2000m);
    }

    [Fact]
    public void UnknownIdentity_IsAConfigurationErrorNamingBothChoices()
    {
        var config = TestConfig.CopyShipped();
        try
        {
            var file = Path.Combine(config, "mappings", "wms-a", "inventory.yaml");
            File.WriteAllText(file, File.ReadAllText(file).Replace("identity: state\n", "identity: sometimes\n"));

            var loaded = MappingSet.LoadDirectory(config, TimeProvider.System);

            loaded.Set.ShouldBeNull();
            loaded.Errors.ShouldHaveSingleItem().ToString().ShouldContain("identity expects document");
        }
        finally
        {
            Directory.Delete(config, recursive: true);
        }
    }
}

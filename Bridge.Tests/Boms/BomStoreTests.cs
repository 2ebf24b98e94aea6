using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Domain.Boms;
using Bridge.Tests.Infrastructure;
using Npgsql;

namespace Bridge.Tests.Boms;

public class BomStoreTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    internal static BomPublished Bom(string material, DateTimeOffset at, params (string Component, decimal Per)[] components) => new()
    {
        MessageId = Guid.NewGuid(), CorrelationId = material, Source = "erp", OccurredAt = at, Material = material, Unit = "pcs",
        Components = components.Select(c => new BomComponentLine { Component = c.Component, QuantityPer = c.Per, Unit = "pcs" }).ToList(),
    };

    [Fact]
    public Task InMemory_NewerReplaces_OlderIsIgnored() => NewerReplacesOlder(new InMemoryBomStore());

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Postgres_NewerReplaces_OlderIsIgnored()
    {
        if (!TestServers.Available)
        {
            return;
        }

        var dataSource = NpgsqlDataSource.Create(await TestServers.CreateDatabaseAsync("boms"));
        await using (var command = dataSource.CreateCommand(new BomsSchemaScript().Sql))
        {
            await command.ExecuteNonQueryAsync();
        }

        await NewerReplacesOlder(new PostgresBomStore(dataSource));
    }

    [Fact]
    public void PublishedBoms_FormAMultiLevelCatalog()
    {
        var catalog = PublishedBoms.ToCatalog([Bom("FG", Noon, ("SUB", 2)), Bom("SUB", Noon, ("X", 3))]);

        catalog.Explode("FG", 1m, DateOnly.FromDateTime(Noon.UtcDateTime)).Single().ShouldBe(new MaterialLine { Material = "X", Quantity = 6m, Unit = "pcs" });
    }

    private static async Task NewerReplacesOlder(IBomStore store)
    {
        (await store.SaveAsync(Bom("FG", Noon, ("A", 1)), default)).ShouldBeTrue();
        (await store.SaveAsync(Bom("FG", Noon.AddHours(1), ("B", 2)), default)).ShouldBeTrue();
        (await store.SaveAsync(Bom("FG", Noon.AddMinutes(30), ("C", 3)), default)).ShouldBeFalse();
        (await store.SaveAsync(Bom("SUB", Noon, ("D", 1)), default)).ShouldBeTrue();

        var held = await store.ListAsync(default);

        held.Select(b => (b.Material, b.Components.Single().Component)).ShouldBe([("FG", "B"), ("SUB", "D")]);
    }
}

using Bridge.Host.Cli.Mappings;
using Bridge.Mappings;
using Bridge.Tests.Infrastructure;

namespace Bridge.Tests.Mappings;

/// <summary>A document whose split matches nothing is a mapping error unless the mapping says <c>allowEmpty: true</c>.</summary>
public sealed class EmptySplitTests
{
    private const string NothingMatched = "the split matched nothing in the document, so it produced no message (a different document type, a misspelt name or namespace?); add allowEmpty: true if this feed may legitimately be empty";
    private static readonly byte[] MisspeltFeed = """{ "whse": "01", "chnages": [ { "seq": 1, "sku": "100-A" } ] }"""u8.ToArray();

    [Fact]
    public void SplitMatchingNothing_IsAnErrorNamingTheSplit()
    {
        var mapping = ShippedMappings.Set.FindInbound("wms-a", "inventory")!;

        var result = mapping.Map(MisspeltFeed, "application/json", ShippedMappings.NoMetadata);

        result.Messages.ShouldBeEmpty();
        result.Errors.ShouldHaveSingleItem().ToString().ShouldBe($"mapping 'wms-a-inventory', field '(split)', source 'changes': {NothingMatched}");
    }

    [Fact]
    public void MappingsTest_FailsForADocumentTheSplitDoesNotMatch()
    {
        var input = Path.Combine(Path.GetTempPath(), $"foo-{Guid.NewGuid():N}.xml");
        File.WriteAllText(input, "<foo/>");
        var errors = new StringWriter();
        try
        {
            var exit = TestMappingsCommand.RunOne(Path.Combine(RepoPaths.Config, "mappings/erp/production-schedule-v0401.yaml"), input, RepoPaths.Config, "application/xml", new Dictionary<string, string>(), new StringWriter(), errors);

            exit.ShouldBe(1);
            errors.ToString().ShouldContain($"mapping 'erp-b2mml-v0401-schedule', field '(split)', source '/b:ProductionSchedule/b:ProductionRequest': {NothingMatched}");
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public void AllowEmpty_AcceptsAFeedWithNothingInIt()
    {
        var config = TestConfig.CopyShipped();
        try
        {
            var file = Path.Combine(config, "mappings", "wms-a", "inventory.yaml");
            File.WriteAllText(file, File.ReadAllText(file).Replace("split: changes\n", "split: changes\nallowEmpty: true\n"));
            var loaded = MappingSet.LoadDirectory(config, TimeProvider.System);
            loaded.Set.ShouldNotBeNull(string.Join("\n", loaded.Errors));

            var result = loaded.Set.FindInbound("wms-a", "inventory")!.Map(MisspeltFeed, "application/json", ShippedMappings.NoMetadata);

            result.Errors.ShouldBeEmpty();
            result.Messages.ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(config, recursive: true);
        }
    }

    [Fact]
    public void AllowEmpty_WithoutASplit_IsRefusedAtLoad()
    {
        var config = TestConfig.CopyShipped();
        try
        {
            var file = Path.Combine(config, "mappings", "erp", "production-order.yaml");
            File.WriteAllText(file, File.ReadAllText(file) + "allowEmpty: yes\n");

            var loaded = MappingSet.LoadDirectory(config, TimeProvider.System);

            loaded.Set.ShouldBeNull();
            loaded.Errors.Select(e => e.ToString()).ShouldContain(e => e.EndsWith("allowEmpty expects true or false, got 'yes'"));
        }
        finally
        {
            Directory.Delete(config, recursive: true);
        }
    }
}

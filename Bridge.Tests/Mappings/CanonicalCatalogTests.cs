using Bridge.Mappings.Documentation;

namespace Bridge.Tests.Mappings;

/// <summary>
/// docs/canonical-messages.md and config/schema/canonical/*.json are generated from Bridge.Contracts; this test fails
/// when they drift. Regenerate with BRIDGE_UPDATE_CANONICAL_DOCS=1 dotnet test --filter CanonicalCatalogTests.
/// </summary>
public sealed class CanonicalCatalogTests
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("BRIDGE_UPDATE_CANONICAL_DOCS") == "1";
    private const string Hint = "the canonical contracts changed: regenerate with BRIDGE_UPDATE_CANONICAL_DOCS=1 dotnet test --filter CanonicalCatalogTests";

    [Fact]
    public void TheCanonicalMessagesDocument_MatchesTheContracts()
    {
        var file = Path.Combine(RepoPaths.Root, "docs", "canonical-messages.md");
        var generated = CanonicalCatalog.Markdown();
        if (Update) File.WriteAllText(file, generated);

        File.Exists(file).ShouldBeTrue(Hint);
        File.ReadAllText(file).ReplaceLineEndings("\n").ShouldBe(generated, Hint);
        generated.ShouldContain("## ProductionOrderReleased");
        generated.ShouldContain("| `quantityPer` | decimal | yes | `unit` | `12.5` |");
    }

    [Fact]
    public void TheCanonicalJsonSchemas_MatchTheContracts()
    {
        var dir = Path.Combine(RepoPaths.Config, "schema", "canonical");
        var generated = CanonicalCatalog.JsonSchemas();
        if (Update)
        {
            Directory.CreateDirectory(dir);
            foreach (var stale in Directory.GetFiles(dir, "*.json")) File.Delete(stale);
            foreach (var (name, text) in generated) File.WriteAllText(Path.Combine(dir, name), text);
        }

        Directory.GetFiles(dir, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ShouldBe(generated.Keys, Hint);
        foreach (var (name, text) in generated) File.ReadAllText(Path.Combine(dir, name)).ReplaceLineEndings("\n").ShouldBe(text, $"{name}: {Hint}");
    }
}

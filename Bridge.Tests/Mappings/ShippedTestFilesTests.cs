using Bridge.Mappings.Testing;

namespace Bridge.Tests.Mappings;

/// <summary>Every shipped mapping validates, has a test file, and passes it (what `mappings test` runs).</summary>
public sealed class ShippedTestFilesTests
{
    private static readonly Lazy<Bridge.Mappings.MappingSet> Set = new(() =>
    {
        var loaded = MappingTestRunner.LoadForTests(RepoPaths.Config);
        return loaded.Set ?? throw new InvalidOperationException(string.Join("\n", loaded.Errors));
    });

    public static TheoryData<string> TestFiles() => new(MappingTestRunner.FindTestFiles(RepoPaths.Config).Select(f => Path.GetRelativePath(RepoPaths.Config, f)));

    [Theory]
    [MemberData(nameof(TestFiles))]
    public void TestFile_Passes(string testFile)
    {
        var results = MappingTestRunner.RunFile(Path.Combine(RepoPaths.Config, testFile), Set.Value);

        results.ShouldNotBeEmpty();
        results.Where(r => !r.Passed).Select(r => $"{r.Case}: {string.Join("; ", r.Failures)}").ShouldBeEmpty();
    }

    [Fact]
    public void EveryShippedMapping_HasATestFile()
    {
        var tested = MappingTestRunner.FindTestFiles(RepoPaths.Config)
            .Select(f => Bridge.Mappings.Yaml.YamlConfigFile.Read(f, new Bridge.Mappings.Diagnostics.ConfigurationErrorSink(), "mapping:, cases:")!)
            .Select(root => Bridge.Mappings.Yaml.YamlMappingNodeExtensions.Text(root, "mapping"))
            .ToHashSet();
        var names = Set.Value.Inbound.Select(m => m.Name).Concat(Set.Value.Outbound.Select(m => m.Name));

        names.Where(n => !tested.Contains(n)).ShouldBeEmpty();
    }

    [Fact]
    public void Runner_ReportsADifference_WhenTheExpectationIsWrong()
    {
        var file = Path.Combine(Path.GetTempPath(), $"wrong-{Guid.NewGuid():N}.test.yaml");
        File.WriteAllText(file, $$"""
            mapping: wms-a-pick-confirmation
            cases:
              - name: wrong quantity
                input: {{Path.Combine(RepoPaths.Config, "mappings/wms-a/samples/pick-confirmation.json")}}
                expect:
                  messages:
                    - pickOrderId: PO-MR-2026-000123-WH-A-1
                      correlationId: PO-MR-2026-000123-WH-A-1
                      source: wms-a
                      occurredAt: "2026-11-22T15:41:07Z"
                      schemaVersion: 1
                      lines:
                        - { material: A-100, quantity: 301, unit: pcs, lot: L2611-07, location: A-01-03, warehouse: WH-A }
            """);
        try
        {
            var result = MappingTestRunner.RunFile(file, Set.Value).ShouldHaveSingleItem();

            result.Passed.ShouldBeFalse();
            result.Failures.ShouldContain("messages[0].lines: expected 1 item(s), got 3");
            result.Failures.ShouldContain("messages[0].lines[0].quantity: expected 301, got 300");
        }
        finally
        {
            File.Delete(file);
        }
    }
}

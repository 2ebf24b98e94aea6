using System.Diagnostics;
using System.Text.Json.Nodes;
using Bridge.Contracts.Model;

namespace Bridge.Tests.Mappings;

/// <summary>Every shipped YAML file in config/ validates against config/schema (ajv via node, installed by test.sh's npm ci).</summary>
public sealed class SchemaValidationTests
{
    private static string ValidatorDir => Path.Combine(RepoPaths.Root, "tests", "schema-validator");

    [Fact]
    public void ShippedYaml_ValidatesAgainstTheSchema()
    {
        if (!ValidatorReady()) return;

        var (exit, output) = RunValidator(RepoPaths.Config, Path.Combine(RepoPaths.Config, "schema"));

        output.ShouldContain(" 0 problem(s)");
        exit.ShouldBe(0, output);
    }

    [Fact]
    public void KnownBadYaml_IsRejectedByTheSchema()
    {
        if (!ValidatorReady()) return;

        var (exit, output) = RunValidator(Path.Combine(RepoPaths.Root, "Bridge.Tests", "Mappings", "Invalid", "many-errors"), Path.Combine(RepoPaths.Config, "schema"));

        exit.ShouldBe(1);
        output.ShouldContain("must NOT have additional properties {\"additionalProperty\":\"formt\"}");
        output.ShouldContain("/request/method: must be equal to one of the allowed values");
    }

    [Fact]
    public void Schema_ListsExactlyTheCanonicalMessagesAndStatuses()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Config, "schema", "mapping.schema.json")))!;
        var produces = schema["properties"]!["produces"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).Order();
        var statuses = schema["definitions"]!["statusMap"]!["anyOf"]![1]!["additionalProperties"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).Order();
        var canonical = typeof(Bridge.Contracts.CanonicalMessage).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(Bridge.Contracts.CanonicalMessage))).Select(t => t.Name).Order();

        produces.ShouldBe(canonical);
        statuses.ShouldBe(Enum.GetNames<InventoryStatus>().Order());
    }

    private static bool ValidatorReady()
    {
        if (Directory.Exists(Path.Combine(ValidatorDir, "node_modules", "ajv"))) return true;
        var required = Environment.GetEnvironmentVariable("BRIDGE_TEST_REQUIRE_SERVERS") == "1";
        required.ShouldBeFalse($"tests/schema-validator/node_modules is missing: run 'npm ci' in {ValidatorDir} (./test.sh does)");
        return false;
    }

    private static (int Exit, string Output) RunValidator(string configDir, string schemaDir)
    {
        var start = new ProcessStartInfo("node", ["validate.js", configDir, schemaDir])
        {
            WorkingDirectory = ValidatorDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit(30_000).ShouldBeTrue("node validate.js did not finish in 30 s");
        return (process.ExitCode, output);
    }
}

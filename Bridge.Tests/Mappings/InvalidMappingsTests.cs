using Bridge.Host.Cli.Mappings;
using Bridge.Mappings;
using Bridge.Mappings.Diagnostics;

namespace Bridge.Tests.Mappings;

/// <summary>Known-bad mapping folders under Invalid/ produce exactly the errors in their expected-errors.txt.</summary>
public sealed class InvalidMappingsTests
{
    private static string InvalidRoot => Path.Combine(RepoPaths.Root, "Bridge.Tests", "Mappings", "Invalid");

    public static TheoryData<string> Cases() => new(Directory.GetDirectories(InvalidRoot).Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(Cases))]
    public void InvalidConfig_ReportsEveryExpectedErrorWithFileLineAndColumn(string name)
    {
        var dir = Path.Combine(InvalidRoot, name);
        var result = MappingSet.LoadDirectory(dir);

        result.Set.ShouldBeNull();
        var actual = result.Errors.Select(e => (e with { File = "./" + Path.GetRelativePath(dir, e.File).Replace('\\', '/') }).ToString()).ToList();
        var expected = File.ReadAllLines(Path.Combine(dir, "expected-errors.txt")).Where(l => l.Length > 0).ToList();
        actual.ShouldBe(expected);
    }

    [Fact]
    public void ValidateCommand_ExitsNonZero_AndPrintsEveryError()
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = Bridge.Host.Cli.Mappings.ValidateMappingsCommand.Run(Path.Combine(InvalidRoot, "many-errors"), output, errors);

        exit.ShouldBe(1);
        errors.ToString().ShouldContain("bad-order.yaml:13:9: unknown function 'frobnicate'");
        errors.ToString().ShouldContain("19 error(s)");
    }

    [Fact]
    public void ValidateCommand_ExitsZero_OnTheShippedConfig()
    {
        var output = new StringWriter();

        var exit = Bridge.Host.Cli.Mappings.ValidateMappingsCommand.Run(RepoPaths.Config, output, new StringWriter());

        exit.ShouldBe(0);
        output.ToString().ShouldContain("erp      production-schedule ");
    }

    [Fact]
    public void EnsureSuccess_ThrowsWithEveryErrorInTheMessage()
    {
        var result = MappingSet.LoadDirectory(Path.Combine(InvalidRoot, "outbound-paths"));

        var ex = Should.Throw<MappingConfigurationException>(() => result.EnsureSuccess());

        ex.Errors.Count.ShouldBe(5);
        ex.Message.ShouldStartWith("5 mapping error(s):");
        ex.Message.ShouldContain("kit.yaml:12:13: unknown field 'materail' on KitLine");
    }

    [Fact]
    public void ValidateCommand_Json_ListsErrorsWithTheirPositions()
    {
        var output = new StringWriter();

        var exit = Bridge.Host.Cli.Mappings.ValidateMappingsCommand.Run(Path.Combine(InvalidRoot, "outbound-paths"), output, new StringWriter(), json: true);

        exit.ShouldBe(1);
        var json = System.Text.Json.Nodes.JsonNode.Parse(output.ToString())!;
        json["valid"]!.GetValue<bool>().ShouldBeFalse();
        var first = json["errors"]![0]!;
        (first["line"]!.GetValue<int>(), first["column"]!.GetValue<int>()).ShouldBe((5, 18));
    }
}

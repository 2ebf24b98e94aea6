using System.Text.Json.Nodes;
using Bridge.Host.Cli.Mappings;

namespace Bridge.Tests.Mappings;

public sealed class MappingsCliTests
{
    private static string Config(string relative) => Path.Combine(RepoPaths.Config, relative);

    [Fact]
    public void TestOne_PrintsTheCanonicalMessageAsJson_AndExitsZero()
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = TestMappingsCommand.RunOne(Config("mappings/wms-a/pick-confirmation.yaml"), Config("mappings/wms-a/samples/pick-confirmation.json"), RepoPaths.Config, null, new Dictionary<string, string>(), output, errors);

        exit.ShouldBe(0, errors.ToString());
        var json = JsonNode.Parse(output.ToString())!;
        json["pickOrderId"]!.GetValue<string>().ShouldBe("PO-MR-2026-000123-WH-A-1");
        json["lines"]!.AsArray().Count.ShouldBe(3);
    }

    [Fact]
    public void TestOne_PrintsTheErrors_AndExitsOne_WhenThePayloadDoesNotMap()
    {
        var input = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(input, """{ "confirmation": { "pickListNo": "PL-1", "whse": "01", "positions": [] } }""");
        var errors = new StringWriter();
        try
        {
            var exit = TestMappingsCommand.RunOne(Config("mappings/wms-a/pick-confirmation.yaml"), input, RepoPaths.Config, null, new Dictionary<string, string>(), new StringWriter(), errors);

            exit.ShouldBe(1);
            errors.ToString().ShouldContain("mapping 'wms-a-pick-confirmation', field 'pickOrderId', source 'confirmation.ourRef': 'confirmation.ourRef' is required but missing or empty");
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public void TestOne_RendersAnOutboundMapping()
    {
        var output = new StringWriter();

        var exit = TestMappingsCommand.RunOne(Config("mappings/wms-b/pick-order-xml.yaml"), Config("mappings/wms-b/samples/pick-order-issued.json"), RepoPaths.Config, null, new Dictionary<string, string>(), output, new StringWriter());

        exit.ShouldBe(0);
        output.ToString().ShouldStartWith("POST /picking/orders");
        output.ToString().ShouldContain("<Quantity unit=\"M\">193.125</Quantity>");
    }

    [Fact]
    public void TestAll_RunsEveryShippedTestFile_AndExitsZero()
    {
        var output = new StringWriter();

        var exit = TestMappingsCommand.RunTestFiles(RepoPaths.Config, output);

        exit.ShouldBe(0, output.ToString());
        output.ToString().ShouldContain("0 failed");
    }
}

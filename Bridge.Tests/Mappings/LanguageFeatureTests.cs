using System.Text;
using Bridge.Host.Cli.Mappings;
using Bridge.Mappings;
using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Yaml;

namespace Bridge.Tests.Mappings;

/// <summary>
/// What integrators asked for (issue 8): per-plant time zones, fallbacks that warn, date-only values that warn,
/// GS1 element strings; and the smaller fixes: YAML positions, function suggestions, duplicate table keys, test files.
/// </summary>
public sealed class LanguageFeatureTests
{
    private const string Header = """
        system: erp
        direction: inbound
        messageType: order
        format: json
        produces: ProductionOrderReleased
        tables:
          zone:
            BER: Europe/Berlin
            SHA: Asia/Shanghai
        """;

    private const string Fields = """
        fields:
          orderId: id
          plant: plant
          material: material
          quantity: fallback(qty, 1)
          unit: "'pcs'"
          dueAt: datetime(due, 'iso', lookup(zone, plant))
        """;

    private static InboundMapping Load(string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("bridge-lang-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "mappings"));
            File.WriteAllText(Path.Combine(dir, "mappings", "m.yaml"), yaml);
            var loaded = MappingSet.LoadDirectory(dir, new FixedTimeProvider(ShippedMappings.Now));
            loaded.Set.ShouldNotBeNull(string.Join("\n", loaded.Errors));
            return loaded.Set.Inbound.Single();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static InboundMapResult Map(InboundMapping mapping, string json) => mapping.Map(Encoding.UTF8.GetBytes(json), "application/json", ShippedMappings.NoMetadata);

    [Fact]
    public void TheTimeZoneComesFromATableByPlant()
    {
        var mapping = Load(Header + "\n" + Fields);

        var berlin = Map(mapping, """{ "id": "1", "plant": "BER", "material": "M", "qty": 2, "due": "2026-07-01T08:00:00" }""");
        var shanghai = Map(mapping, """{ "id": "2", "plant": "SHA", "material": "M", "qty": 2, "due": "2026-07-01T08:00:00" }""");
        var unknown = Map(mapping, """{ "id": "3", "plant": "XXX", "material": "M", "qty": 2, "due": "2026-07-01T08:00:00" }""");

        berlin.Messages.ShouldHaveSingleItem().Json["dueAt"]!.GetValue<string>().ShouldBe("2026-07-01T06:00:00+00:00");
        shanghai.Messages.ShouldHaveSingleItem().Json["dueAt"]!.GetValue<string>().ShouldBe("2026-07-01T00:00:00+00:00");
        unknown.Errors.ShouldHaveSingleItem().ToString().ShouldBe("mapping 'm', field 'dueAt', source 'plant', value 'XXX': table 'zone' (inline) has no entry for key 'XXX'");
    }

    [Fact]
    public void AnUnknownZoneFromTheData_IsAnErrorNamingIt()
    {
        var mapping = Load(Header + "\n" + Fields.Replace("lookup(zone, plant)", "tz"));

        var result = Map(mapping, """{ "id": "1", "plant": "BER", "material": "M", "qty": 2, "due": "2026-07-01T08:00:00", "tz": "Europe/Berln" }""");

        result.Errors.ShouldHaveSingleItem().ToString().ShouldBe("mapping 'm', field 'dueAt', source 'tz', value 'Europe/Berln': unknown time zone 'Europe/Berln' (from tz); expected an IANA id such as 'Europe/Berlin' or 'Asia/Shanghai'");
    }

    [Fact]
    public void AFallbackDefault_AndADateReadAsMidnight_AreWarningsOnTheResult()
    {
        var mapping = Load(Header + "\n" + Fields);

        var result = Map(mapping, """{ "id": "1", "plant": "BER", "material": "M", "due": "2026-07-01" }""");

        result.Errors.ShouldBeEmpty();
        result.Messages.ShouldHaveSingleItem().Json["quantity"]!.GetValue<decimal>().ShouldBe(1m);
        result.Warnings.Select(w => w.ToString()).ShouldBe([
            "mapping 'm', message 0: 'qty' is missing; used the default 1 = '1'",
            "mapping 'm', message 0: '2026-07-01' (due) has no time of day; read as midnight in Europe/Berlin",
        ]);
        Map(mapping, """{ "id": "1", "plant": "BER", "material": "M", "qty": 3, "due": "2026-07-01T08:00:00" }""").Warnings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("]d2010950600013435217201200\u001D10ABC123\u001D21S-99", "gtin=09506000134352; expiry=2020-12-31; lot=ABC123; serial=S-99")]
    [InlineData("(01)09506000134352(3103)012345(37)24", "gtin=09506000134352; netWeightKg=12.345; count=24")]
    [InlineData("]C101095060001343521725022910L-7\u001D3002", "gtin=09506000134352; expiry=2025-02-29; lot=L-7; count=2")]
    public void Gs1_ParsesElementStrings(string scan, string expected)
    {
        if (expected.Contains("2025-02-29", StringComparison.Ordinal))
        {
            // 2025 has no 29 February: the scan is refused, naming the problem.
            Should.Throw<MappingRuntimeException>(() => Bridge.Mappings.Functions.Gs1ElementString.Parse(scan, "scan"))
                .Message.ShouldBe("GS1: expiry (17) '250229' has day 29, which 2025-02 does not have");
            return;
        }
        var fields = Bridge.Mappings.Functions.Gs1ElementString.Parse(scan, "scan");

        string.Join("; ", fields.Select(f => $"{f.Key}={f.Value}")).ShouldBe(expected);
    }

    [Fact]
    public void Gs1_AWrongCheckDigit_IsAMappingErrorWithTheScan()
    {
        var mapping = Load(Header + "\nlet:\n  code: gs1(scan)\n" + Fields.Replace("material: material", "material: $code.gtin").Replace("quantity: fallback(qty, 1)", "quantity: $code.count"));

        var good = Map(mapping, """{ "id": "1", "plant": "BER", "scan": "]d201095060001343523712", "due": "2026-07-01T08:00:00Z" }""");
        var bad = Map(mapping, """{ "id": "1", "plant": "BER", "scan": "]d201095060001343533712", "due": "2026-07-01T08:00:00Z" }""");

        good.Errors.ShouldBeEmpty();
        good.Messages.ShouldHaveSingleItem().Json["material"]!.GetValue<string>().ShouldBe("09506000134352");
        good.Messages.Single().Json["quantity"]!.GetValue<decimal>().ShouldBe(12m);
        bad.Errors[0].ToString().ShouldBe("mapping 'm', field '$code', source 'scan', value ']d201095060001343533712': GS1: GTIN (01) '09506000134353' has check digit 3, expected 2");
    }

    [Fact]
    public void AMisspeltFunction_SuggestsTheNearestName()
    {
        var dir = Directory.CreateTempSubdirectory("bridge-lang-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "mappings"));
            File.WriteAllText(Path.Combine(dir, "mappings", "m.yaml"), Header + "\n" + Fields.Replace("orderId: id", "orderId: trimStrat(id, '0')"));

            var loaded = MappingSet.LoadDirectory(dir, TimeProvider.System);

            loaded.Errors.ShouldHaveSingleItem().Message.ShouldBe("unknown function 'trimStrat'; did you mean 'trimStart'? (see docs/mapping-language.md for the list)");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ATabIndentation_IsReportedAtItsLine()
    {
        var lines = Enumerable.Range(1, 26).Select(i => $"key{i}: value").Append("fields:").Append("\torderId: id").ToArray();
        var errors = new ConfigurationErrorSink();

        YamlConfigFile.Parse("m.yaml", string.Join("\n", lines) + "\n", errors).ShouldBeNull();

        errors.Errors.ShouldHaveSingleItem().ToString().ShouldBe("m.yaml:28:1: YAML syntax: While scanning a mapping, found invalid tab as indentation. (indent with spaces; YAML does not allow tabs)");
    }

    [Fact]
    public void ADuplicateKeyInASharedTable_IsReportedOnce_NamingTheMapping()
    {
        var config = Infrastructure.TestConfig.CopyShipped();
        try
        {
            File.AppendAllText(Path.Combine(config, "mappings", "erp", "tables", "material-xref.csv"), "000000000000500000,P-501,again\n");

            var loaded = MappingSet.LoadDirectory(config, TimeProvider.System);

            var error = loaded.Errors.ShouldHaveSingleItem();
            error.File.ShouldEndWith("mappings/erp/tables/material-xref.csv");
            error.Line.ShouldBe(9);
            error.Message.ShouldBe($"key '000000000000500000' appears twice (rows 2 and 9) in table 'material' of mapping {config}/mappings/erp/production-order-idoc.yaml");
        }
        finally
        {
            Directory.Delete(config, recursive: true);
        }
    }

    [Fact]
    public void ATestFileWithAMisspeltExpectation_Fails_AndOneTestFileCanBeRunAlone()
    {
        var config = Infrastructure.TestConfig.CopyShipped();
        try
        {
            var file = Path.Combine(config, "mappings", "erp", "tests", "production-order.test.yaml");
            var output = new StringWriter();
            TestMappingsCommand.RunTestFiles(config, output, file).ShouldBe(0, output.ToString());
            output.ToString().ShouldNotContain("wms-a");
            output.ToString().ShouldContain("0 failed, 1 test file(s)");

            File.WriteAllText(file, File.ReadAllText(file).Replace("    expect:\n      messages:", "    expect:\n      mesages:"));
            var misspelt = new StringWriter();

            TestMappingsCommand.RunTestFiles(config, misspelt, file).ShouldBe(1);
            misspelt.ToString().ShouldContain("unknown key 'mesages' in expect:; expected messages, errors, warnings");
        }
        finally
        {
            Directory.Delete(config, recursive: true);
        }
    }

    [Fact]
    public void ADtdIsRefusedWithAnExplanationAnIntegratorCanActOn()
    {
        var mapping = ShippedMappings.Set.FindInbound("erp", "production-schedule")!;
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE ProductionSchedule [ <!ENTITY a \"b\"> ]>\n<ProductionSchedule/>"u8.ToArray();

        var result = mapping.Map(xml, "application/xml", ShippedMappings.NoMetadata);

        result.Errors.ShouldHaveSingleItem().Message.ShouldBe("the payload is not valid xml (application/xml): the document has a DTD (<!DOCTYPE ...>); Bridge refuses DTDs in every payload (entity expansion and external files are an attack surface) and no setting allows them — have the sending system leave out the DOCTYPE declaration");
    }
}

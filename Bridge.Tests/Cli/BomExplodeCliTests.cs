using System.Text.Json.Nodes;
using Bridge.Host.Cli;
using Bridge.Tests.Mappings;

namespace Bridge.Tests.Cli;

/// <summary><c>bom explode</c> through the real command line (parse, options, exit codes, output).</summary>
public sealed class BomExplodeCliTests : IDisposable
{
    private static readonly string Sample = Path.Combine(RepoPaths.Root, "docs", "samples", "bom-bicycle.csv");
    private readonly string _dir = Directory.CreateTempSubdirectory("bom-cli").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await BridgeCommandLine.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Json_EqualsAByHandDecimalExplosion()
    {
        var (exit, output, error) = await Run("bom", "explode", "--bom", Sample, "--material", "BIKE-26", "--quantity", "7", "--at", "2026-12-01", "--json", "--config", RepoPaths.Config);

        exit.ShouldBe(0, error);
        var lines = JsonNode.Parse(output)!["lines"]!.AsArray().ToDictionary(l => l!["material"]!.GetValue<string>(), l => (l!["quantity"]!.GetValue<decimal>(), l["unit"]!.GetValue<string>()));
        // By hand, decimal: wheels 7 × 1 × 2 × 1.01 = 14.14 (the phantom wheel set passes through).
        var wheels = 7m * 1m * (1m + 0m / 100m) * 2m * (1m + 1m / 100m);
        lines["SPOKE"].ShouldBe((wheels * 36m * 1.03m, "pcs"));
        lines["RIM-26"].ShouldBe((wheels, "pcs"));
        lines["SCREW-M5"].ShouldBe((7m * 12m * 1.025m + 7m * 4m, "pcs"));
        lines["GREASE"].ShouldBe((7m * 0.035m + wheels * 4m * 1.10m * 0.001m, "kg"));
        lines["TUBE-AL"].ShouldBe((7m * 2.35m * 1.04m, "m"));
        lines["SADDLE-NEW"].ShouldBe((7m, "pcs"));
        lines.ContainsKey("SADDLE-OLD").ShouldBeFalse();
        lines.ContainsKey("WHEEL-SET").ShouldBeFalse();
    }

    /// <summary>
    /// docs/samples/bom-pump.csv, written for issue 10's check: two phantoms (one with its own scrap and validity),
    /// scrap on every level, rows valid until the day before / from the day / only next year, and units converted per
    /// material (box ↔ pcs of A-100, roll ↔ m of B-300) and per dimension (ml ↔ l).
    /// </summary>
    [Fact]
    public async Task Json_OfAHandWrittenPumpBom_EqualsADecimalReferenceToTheLastDigit()
    {
        var file = Path.Combine(RepoPaths.Root, "docs", "samples", "bom-pump.csv");

        var (exit, output, error) = await Run("bom", "explode", "--bom", file, "--material", "PUMP-7", "--quantity", "12", "--at", "2026-12-01", "--json", "--config", RepoPaths.Config);

        exit.ShouldBe(0, error);
        var lines = JsonNode.Parse(output)!["lines"]!.AsArray().ToDictionary(l => l!["material"]!.GetValue<string>(), l => (l!["quantity"]!.GetValue<decimal>(), l["unit"]!.GetValue<string>()));
        const decimal pumps = 12m;
        var sealKits = pumps * 1m;                      // phantom, no scrap: its rows hang off the pump
        var housings = pumps * 1m;
        var subAssemblies = housings * 2m * 1.02m;      // phantom with 2 % scrap, valid through 2026
        const decimal pcsPerBox = 50m, mPerRoll = 100m, mlPerL = 1000m;
        lines["A-100"].ShouldBe((pumps * 0.1m * 1.02m + sealKits * 6m / pcsPerBox + housings * 4m * 1.01m / pcsPerBox, "box"));
        lines["A-200"].ShouldBe((subAssemblies * 18m * 1.05m, "g"));
        lines["B-300"].ShouldBe((pumps * 1.75m * 1.03m + housings * 0.02m * mPerRoll, "m"));
        lines["GLUE"].ShouldBe((sealKits * 12.5m * 1.10m + subAssemblies * 0.004m * mlPerL, "ml"));
        lines["CASTING-7"].ShouldBe((housings * 1.005m, "pcs"));
        lines["O-RING-40"].ShouldBe((sealKits * 3m * 1.04m, "pcs"));
        lines["IMPELLER-NEW"].ShouldBe((pumps * 1.015m, "pcs"));
        lines.Keys.ShouldBe(["A-100", "A-200", "B-300", "CASTING-7", "GLUE", "IMPELLER-NEW", "O-RING-40"], ignoreOrder: true);
    }

    /// <summary>
    /// Nine levels of 1.125 with 2.5 % scrap: 7 × 1.153125^9 has 56 significant digits, which decimal rounds to 28.
    /// The CLI prints them all (the reference by hand, in exact arithmetic), and says the engine rounds them.
    /// </summary>
    [Fact]
    public async Task Json_OfADeepBom_KeepsTheDigitsDecimalRounds_AndSaysSo()
    {
        var file = Path.Combine(_dir, "deep.csv");
        var rows = Enumerable.Range(0, 9).Select(level => $"L{level},{(level == 8 ? "LEAF" : $"L{level + 1}")},1.125,pcs,2.5,false");
        await File.WriteAllTextAsync(file, "parent,component,qty_per,unit,scrap_pct,phantom\n" + string.Join("\n", rows) + "\n");

        var (exit, output, error) = await Run("bom", "explode", "--bom", file, "--material", "L0", "--quantity", "7", "--json", "--config", RepoPaths.Config);

        exit.ShouldBe(0, error);
        var line = JsonNode.Parse(output)!["lines"]!.AsArray().Single()!;
        line["material"]!.GetValue<string>().ShouldBe("LEAF");
        line["quantity"]!.ToJsonString().ShouldBe("25.233966988159864538047912674301187507808208465576171875");
        error.ShouldContain("1 quantity has more significant digits than decimal's 28");

        var (_, table, _) = await Run("bom", "explode", "--bom", file, "--material", "L0", "--quantity", "7", "--config", RepoPaths.Config);
        table.ShouldContain("25.233966988159864538047912674301187507808208465576171875");
    }

    [Fact]
    public async Task Json_WithinDecimalsDigits_SaysNothingAboutRounding()
    {
        var (exit, _, error) = await Run("bom", "explode", "--bom", Sample, "--material", "BIKE-26", "--quantity", "7", "--at", "2026-12-01", "--json", "--config", RepoPaths.Config);

        exit.ShouldBe(0);
        error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Table_IsTheDefault_AndAtPicksTheValidRows()
    {
        var (exit, output, _) = await Run("bom", "explode", "--bom", Sample, "--material", "BIKE-26", "--quantity", "1", "--at", "2026-01-15");

        exit.ShouldBe(0);
        output.ShouldContain("SADDLE-OLD");
        output.ShouldNotContain("SADDLE-NEW");
        output.ShouldContain("material");
        output.ShouldContain("16.3");
    }

    [Fact]
    public async Task BadCell_ExitsOne_NamingFileAndRow()
    {
        var file = Path.Combine(_dir, "bad.csv");
        await File.WriteAllTextAsync(file, "parent,component,qty_per,unit\nA,B,1,pcs\nA,C,x,pcs\n");

        var (exit, _, error) = await Run("bom", "explode", "--bom", file, "--material", "A", "--quantity", "1");

        exit.ShouldBe(1);
        error.ShouldContain("bad.csv:3: column qty_per (3): 'x' is not a decimal number");
    }

    [Fact]
    public async Task Cycle_ExitsOne_NamingTheCycle()
    {
        var file = Path.Combine(_dir, "cycle.csv");
        await File.WriteAllTextAsync(file, "parent,component,qty_per,unit\nA,B,1,pcs\nB,C,1,pcs\nC,A,1,pcs\n");

        var (exit, _, error) = await Run("bom", "explode", "--bom", file, "--material", "A", "--quantity", "1");

        exit.ShouldBe(1);
        error.ShouldContain("cycle.csv: the BOM has a cycle: A → B → C → A");
    }

    [Fact]
    public async Task MappedHeaders_AreRead()
    {
        var file = Path.Combine(_dir, "sap.csv");
        await File.WriteAllTextAsync(file, "Baugruppe;Komponente;Menge;ME\nA;B;2,5;kg\n".Replace("2,5", "2.5"));

        var (exit, output, error) = await Run("bom", "explode", "--bom", file, "--material", "A", "--quantity", "2", "--json",
            "--map", "parent=Baugruppe", "--map", "component=Komponente", "--map", "qty_per=Menge", "--map", "unit=ME");

        exit.ShouldBe(0, error);
        JsonNode.Parse(output)!["lines"]![0]!["quantity"]!.GetValue<decimal>().ShouldBe(5m);
    }

    [Fact]
    public async Task Json_KeepsCodesAsWritten_AndEscapesWhatJsonMust()
    {
        var file = Path.Combine(_dir, "bom-zh.csv");
        await File.WriteAllTextAsync(file, "parent,component,qty_per,unit,scrap_pct,phantom\n自行车,\"车架 \"\"A\\B\"\"\",2,pcs,0,false\n自行车,Größe,1.5,m,0,false\n");

        var (exit, output, error) = await Run("bom", "explode", "--bom", file, "--material", "自行车", "--quantity", "3", "--json");

        exit.ShouldBe(0, error);
        output.ShouldContain("\"material\":\"自行车\"");
        output.ShouldContain("\"Größe\"");
        output.ShouldContain("\"车架 \\\"A\\\\B\\\"\"", Case.Sensitive, "a quote and a backslash in a code stay escaped");
        var lines = JsonNode.Parse(output)!["lines"]!.AsArray().ToDictionary(l => l!["material"]!.GetValue<string>(), l => l!["quantity"]!.GetValue<decimal>());
        lines["车架 \"A\\B\""].ShouldBe(6m);
        lines["Größe"].ShouldBe(4.5m);
    }

    [Fact]
    public async Task MissingRequiredOption_IsAUsageError() =>
        (await Run("bom", "explode", "--bom", Sample)).Exit.ShouldBe(2);
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Bridge.Contracts.Model;
using Bridge.Host.Domain.Boms;
using Bridge.Host.Domain.Kitting;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Mappings;
using Spectre.Console;

namespace Bridge.Host.Cli.Boms;

/// <summary>
/// <c>bom explode --bom FILE.csv --material CODE --quantity N [--at DATE] [--json]</c>: the summed leaf requirements,
/// exact decimals, as a table or JSON. Units convert by the config directory's units.yaml when there is one.
/// </summary>
internal static class ExplodeBomCommand
{
    public static Command Create()
    {
        var bom = new Option<string>("--bom") { Description = "The BOM as CSV (parent,component,qty_per,unit,scrap_pct,phantom[,valid_from,valid_to])", Required = true };
        var material = new Option<string>("--material") { Description = "The material to explode", Required = true };
        var quantity = new Option<decimal>("--quantity") { Description = "How many of it (in its base unit)", Required = true };
        var at = new Option<DateOnly?>("--at") { Description = "The day whose valid rows count (yyyy-MM-dd; default today, UTC)" };
        var json = new Option<bool>("--json") { Description = "Print JSON: { material, quantity, at, lines: [{ material, quantity, unit }] }" };
        var map = new Option<string[]>("--map") { Description = "A header name for a column: column=Header (repeatable), e.g. --map qty_per=Menge", AllowMultipleArgumentsPerToken = false };
        var scope = new Option<BomScope>("--scope") { Description = "Leaves: through every sub-assembly (default); Phantoms: through phantoms only, as a kit picks", DefaultValueFactory = _ => BomScope.Leaves };
        var config = new Option<string?>("--config") { Description = "Configuration directory whose units.yaml converts units (default: ./config when present)" };
        var command = new Command("explode", "Explode a BOM from CSV and print the summed leaf requirements.") { bom, material, quantity, at, json, map, scope, config };
        command.SetAction(parse => Run(
            ConfigDirectory.ResolvePath(parse.GetValue(bom)!), parse.GetValue(material)!, parse.GetValue(quantity),
            parse.GetValue(at) ?? DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime),
            parse.GetValue(json), parse.GetValue(map) ?? [], parse.GetValue(scope), parse.GetValue(config),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string file, string material, decimal quantity, DateOnly at, bool json, IReadOnlyList<string> map, BomScope scope, string? configDir,
        TextWriter output, TextWriter errors)
    {
        if (!File.Exists(file))
        {
            errors.WriteLine($"{file}: no such file");
            return 1;
        }

        IReadOnlyList<MaterialLine> lines;
        try
        {
            var units = Units(configDir, errors);
            if (units is null)
            {
                return 1;
            }

            var loaded = BomCsvReader.ReadFile(file, BomCsvColumns.Parse(map));
            if (!loaded.Ok)
            {
                foreach (var error in loaded.Errors)
                {
                    errors.WriteLine(error);
                }

                return 1;
            }

            lines = BomCatalog.Build(loaded.Rows, loaded.BaseUnits).Explode(material, quantity, at, scope, units);
        }
        catch (BomException e)
        {
            errors.WriteLine($"{Path.GetFileName(file)}: {e.Message}");
            return 1;
        }

        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new { material, quantity, at, lines = lines.Select(l => new { l.Material, l.Quantity, l.Unit }) }, JsonSerializerOptions.Web));
            return 0;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var table = new Table().Title($"{Markup.Escape(material)} × {quantity.ToString(CultureInfo.InvariantCulture)} on {at:yyyy-MM-dd}: {lines.Count} material(s)");
        table.AddColumn("material").AddColumn(new TableColumn("quantity").RightAligned()).AddColumn("unit");
        foreach (var line in lines)
        {
            table.AddRow(Markup.Escape(line.Material), line.Quantity.ToString(CultureInfo.InvariantCulture), Markup.Escape(line.Unit));
        }

        console.Write(table);
        return 0;
    }

    private static IUnitConverter? Units(string? configDir, TextWriter errors)
    {
        var directory = ConfigDirectory.Resolve(configDir);
        if (configDir is null && !File.Exists(Path.Combine(directory, "units.yaml")))
        {
            return StandardUnitConverter.Instance;
        }

        var loaded = MappingSet.LoadFiles([], directory);
        if (loaded.Set is null)
        {
            foreach (var error in loaded.Errors)
            {
                errors.WriteLine(error);
            }

            return null;
        }

        return new MappingSetUnitConverter(loaded.Set);
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Bridge.Host.Domain.Boms;
using Bridge.Host.Domain.Kitting;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Mappings;
using Spectre.Console;

namespace Bridge.Host.Cli.Boms;

/// <summary>
/// <c>bom explode --bom FILE.csv --material CODE --quantity N [--at DATE] [--json]</c>: the summed leaf requirements,
/// every digit (<see cref="BomCatalog.ExplodeExact"/>), as a table or JSON. Units convert by the config directory's units.yaml when there is one.
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

        IReadOnlyList<ExactMaterialLine> lines;
        int rounded;
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

            lines = BomCatalog.Build(loaded.Rows, loaded.BaseUnits).ExplodeExact(material, quantity, at, scope, units);
            rounded = lines.Count(l => l.RoundedByEngine);
        }
        catch (BomException e)
        {
            errors.WriteLine($"{Path.GetFileName(file)}: {e.Message}");
            return 1;
        }

        if (rounded > 0)
        {
            errors.WriteLine(rounded == 1
                ? "note: 1 quantity has more significant digits than decimal's 28; shown exact here, a material request rounds it"
                : $"note: {rounded} quantities have more significant digits than decimal's 28; shown exact here, a material request rounds them");
        }

        if (json)
        {
            output.WriteLine(Json(material, quantity, at, lines));
            return 0;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var table = new Table().Title($"{Markup.Escape(material)} × {quantity.ToString(CultureInfo.InvariantCulture)} on {at:yyyy-MM-dd}: {lines.Count} material(s)");
        table.AddColumn("material").AddColumn(new TableColumn("quantity").RightAligned()).AddColumn("unit");
        foreach (var line in lines)
        {
            table.AddRow(Markup.Escape(line.Material), line.Quantity.ToString(), Markup.Escape(line.Unit));
        }

        console.Write(table);
        return 0;
    }

    /// <summary>Quantities as JSON numbers with every digit: a reader with a decimal or big-number parser gets them exact.</summary>
    private static string Json(string material, decimal quantity, DateOnly at, IReadOnlyList<ExactMaterialLine> lines)
    {
        using var buffer = new MemoryStream();
        // Material codes as they are (一号料, Größe), not \uXXXX: the output is read by people and parsers, never
        // embedded in HTML; quotes, backslashes and control characters are still escaped.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("material", material);
            writer.WriteNumber("quantity", quantity);
            writer.WriteString("at", at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteStartArray("lines");
            foreach (var line in lines)
            {
                writer.WriteStartObject();
                writer.WriteString("material", line.Material);
                writer.WritePropertyName("quantity");
                writer.WriteRawValue(line.Quantity.ToString());
                writer.WriteString("unit", line.Unit);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
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

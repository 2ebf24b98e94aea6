using System.CommandLine;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Mappings;

namespace Bridge.Host.Cli.Mappings;

/// <summary><c>mappings validate [--config DIR]</c>: exit 0 when every mapping compiles, else 1 with every error.</summary>
internal static class ValidateMappingsCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "Configuration directory (default: ./config)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON: { valid, errors: [{ file, line, column, message }] }" };
        var command = new Command("validate", "Load and compile every mapping; print every error with file:line:column.") { config, json };
        command.SetAction(parse => Run(ConfigDirectory.Resolve(parse.GetValue(config)), Console.Out, Console.Error, parse.GetValue(json)));
        return command;
    }

    public static int Run(string configDir, TextWriter output, TextWriter errors, bool json = false)
    {
        var result = MappingSet.LoadDirectory(configDir);
        if (json)
        {
            output.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { valid = result.Set is not null, errors = result.Errors }, CanonicalJson.Options));
            return result.Set is null ? 1 : 0;
        }
        if (result.Set is null)
        {
            foreach (var error in result.Errors) errors.WriteLine(error);
            errors.WriteLine($"{result.Errors.Count} error(s) in {configDir}");
            return 1;
        }
        output.WriteLine($"OK: {result.Set.Inbound.Count} inbound and {result.Set.Outbound.Count} outbound mapping(s) in {configDir}");
        foreach (var m in result.Set.Inbound.OrderBy(m => m.Name, StringComparer.Ordinal)) output.WriteLine($"  in   {m.System,-8} {m.MessageType,-28} {m.Format,-6} -> {m.Produces.Name,-28} {m.File}");
        foreach (var m in result.Set.Outbound.OrderBy(m => m.Name, StringComparer.Ordinal)) output.WriteLine($"  out  {m.System,-8} {m.Consumes.Name,-28} -> {m.Format,-6} {m.File}");
        return 0;
    }
}

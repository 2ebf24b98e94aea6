using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Mappings;
using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Testing;

namespace Bridge.Host.Cli.Mappings;

/// <summary>
/// <c>mappings test --mapping FILE --input FILE</c>: map one payload (or render one canonical message) and print it;
/// <c>mappings test</c> alone: run every <c>*.test.yaml</c> under the configuration directory.
/// </summary>
internal static class TestMappingsCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "Configuration directory (default: ./config); units.yaml is read from it" };
        var mapping = new Option<string?>("--mapping") { Description = "A mapping file to try" };
        var input = new Option<string?>("--input") { Description = "A payload (inbound) or a canonical message as JSON (outbound)" };
        var contentType = new Option<string?>("--content-type") { Description = "Content type of the input (informational)" };
        var meta = new Option<string[]>("--meta") { Description = "Metadata as key=value (MQTT topic, OPC UA nodeId…), repeatable", AllowMultipleArgumentsPerToken = true };
        var testFile = new Argument<string?>("test-file") { Description = "Run only this *.test.yaml (default: every test file under the configuration directory)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("test", "Try a mapping on an input, or run the mapping test files (all, or the one given).") { config, mapping, input, contentType, meta, testFile };
        command.SetAction(parse =>
        {
            var mappingFile = parse.GetValue(mapping);
            var inputFile = parse.GetValue(input);
            if (parse.GetValue(testFile) is { } one)
            {
                if (mappingFile is not null || inputFile is not null)
                {
                    Console.Error.WriteLine("give a test file, or --mapping FILE and --input FILE, not both");
                    return 2;
                }
                one = ConfigDirectory.ResolvePath(one);
                var oneConfig = parse.GetValue(config) is { } configGiven ? ConfigDirectory.Resolve(configGiven) : ConfigDirectory.OfMappingFile(one) ?? ConfigDirectory.Resolve(null);
                return RunTestFiles(oneConfig, Console.Out, one);
            }
            if (mappingFile is null && inputFile is null) return RunTestFiles(ConfigDirectory.Resolve(parse.GetValue(config)), Console.Out);
            if (mappingFile is null || inputFile is null)
            {
                Console.Error.WriteLine("give both --mapping FILE and --input FILE, or neither to run the test files");
                return 2;
            }
            mappingFile = ConfigDirectory.ResolvePath(mappingFile);
            inputFile = ConfigDirectory.ResolvePath(inputFile);
            var configDir = parse.GetValue(config) is { } given ? ConfigDirectory.Resolve(given) : ConfigDirectory.OfMappingFile(mappingFile);
            return RunOne(mappingFile, inputFile, configDir, parse.GetValue(contentType), ParseMetadata(parse.GetValue(meta) ?? []), Console.Out, Console.Error);
        });
        return command;
    }

    public static int RunOne(string mappingFile, string inputFile, string? configDir, string? contentType, IReadOnlyDictionary<string, string> metadata, TextWriter output, TextWriter errors)
    {
        if (!File.Exists(mappingFile) || !File.Exists(inputFile))
        {
            errors.WriteLine($"file not found: {(File.Exists(mappingFile) ? inputFile : mappingFile)}");
            return 1;
        }
        var loaded = MappingSet.LoadFiles([mappingFile], configDir);
        if (loaded.Set is null)
        {
            foreach (var error in loaded.Errors) errors.WriteLine(error);
            return 1;
        }
        var payload = File.ReadAllBytes(inputFile);
        if (loaded.Set.Inbound.FirstOrDefault() is { } inbound)
        {
            var result = inbound.Map(payload, contentType ?? "application/" + inbound.Format, metadata);
            var messages = result.Messages.Select(m => (JsonNode)m.Json).ToArray();
            output.WriteLine((messages.Length == 1 ? messages[0] : new JsonArray(messages)).ToJsonString(Indented));
            foreach (var warning in result.Warnings) errors.WriteLine($"warning: {warning}");
            foreach (var error in result.Errors) errors.WriteLine(error);
            return result.Errors.Count == 0 ? 0 : 1;
        }
        var outbound = loaded.Set.Outbound.Single();
        try
        {
            var message = CanonicalJson.FromJson(JsonNode.Parse(payload)!, outbound.Consumes);
            var request = outbound.Render(message);
            output.WriteLine($"{request.Properties.GetValueOrDefault("method")} {request.Address}");
            foreach (var (name, value) in request.Headers) output.WriteLine($"{name}: {value}");
            output.WriteLine($"Content-Type: {request.ContentType}");
            output.WriteLine();
            output.WriteLine(Encoding.UTF8.GetString(request.Body));
            return 0;
        }
        catch (JsonException ex)
        {
            errors.WriteLine($"{inputFile}: not a canonical {outbound.Consumes.Name} in JSON: {ex.Message}");
            return 1;
        }
        catch (MappingRuntimeException ex)
        {
            errors.WriteLine(ex.ToString());
            return 1;
        }
    }

    public static int RunTestFiles(string configDir, TextWriter output, string? onlyFile = null)
    {
        if (onlyFile is not null && !File.Exists(onlyFile))
        {
            output.WriteLine($"file not found: {onlyFile}");
            return 1;
        }
        var loaded = MappingTestRunner.LoadForTests(configDir);
        if (loaded.Set is null)
        {
            foreach (var error in loaded.Errors) output.WriteLine(error);
            return 1;
        }
        var results = onlyFile is null ? MappingTestRunner.RunAll(configDir, loaded.Set) : MappingTestRunner.RunFile(onlyFile, loaded.Set);
        foreach (var result in results)
        {
            output.WriteLine($"{(result.Passed ? "PASS" : "FAIL")}  {result.File} :: {result.Case}");
            foreach (var failure in result.Failures) output.WriteLine($"      {failure}");
            foreach (var warning in result.Warnings) output.WriteLine($"      warning: {warning}");
        }
        var failed = results.Count(r => !r.Passed);
        output.WriteLine($"{results.Count - failed} passed, {failed} failed, {results.Select(r => r.File).Distinct().Count()} test file(s)");
        return failed == 0 && results.Count > 0 ? 0 : 1;
    }

    private static Dictionary<string, string> ParseMetadata(string[] pairs) =>
        pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
}

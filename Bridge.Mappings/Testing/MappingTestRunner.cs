using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Bridge.Mappings;
using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Yaml;
using YamlDotNet.RepresentationModel;

namespace Bridge.Mappings.Testing;

/// <summary>
/// Runs mapping test files (<c>*.test.yaml</c>): each case gives an input (a payload file for inbound, a canonical
/// message for outbound) and what must come out (canonical messages, runtime errors, or the rendered outbound message).
/// </summary>
public static class MappingTestRunner
{
    /// <summary>The clock test files see: now() and a defaulted occurredAt are this instant.</summary>
    public static readonly DateTimeOffset TestNow = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly HashSet<string> FileKeys = ["mapping", "cases"];
    private static readonly HashSet<string> CaseKeys = ["name", "input", "payload", "contentType", "metadata", "message", "expect"];

    /// <summary>What an outbound case may expect: <c>method</c> and <c>path</c> are the HTTP names of a property and the address.</summary>
    private static readonly string[] InboundExpectKeys = ["messages", "errors", "warnings"];
    private static readonly HashSet<string> ErrorKeys = ["field", "item", "sourcePath", "value", "message"];

    private static readonly string[] OutboundExpectKeys = ["address", "path", "method", "properties", "headers", "contentType", "body", "error"];

    public static IReadOnlyList<string> FindTestFiles(string configDir) =>
        Directory.Exists(Path.Combine(configDir, "mappings"))
            ? Directory.EnumerateFiles(Path.Combine(configDir, "mappings"), "*.test.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Loads the mappings of <paramref name="configDir"/> with the test clock.</summary>
    public static MappingLoadResult LoadForTests(string configDir) => MappingSet.LoadDirectory(configDir, new FixedClock(TestNow));

    public static IReadOnlyList<MappingTestResult> RunAll(string configDir, MappingSet set) =>
        FindTestFiles(configDir).SelectMany(f => RunFile(f, set)).ToList();

    public static IReadOnlyList<MappingTestResult> RunFile(string testFile, MappingSet set)
    {
        var file = MappingSet.Normalize(testFile);
        var errors = new ConfigurationErrorSink();
        var root = YamlConfigFile.Read(testFile, errors, "mapping:, cases:", file);
        if (root is null) return [new MappingTestResult(file, "(file)", errors.Errors.Select(e => e.ToString()).ToList())];
        var problems = root.Children.Keys.Select(k => (k as YamlScalarNode)?.Value ?? "").Where(k => !FileKeys.Contains(k)).Select(k => $"unknown key '{k}'; expected mapping, cases").ToList();
        var name = root.Text("mapping");
        var inbound = set.Inbound.FirstOrDefault(m => m.Name == name);
        var outbound = set.Outbound.FirstOrDefault(m => m.Name == name);
        if (inbound is null && outbound is null) problems.Add($"mapping '{name}' not found; known: {string.Join(", ", set.Inbound.Select(m => m.Name).Concat(set.Outbound.Select(m => m.Name)))}");
        if (root.Get("cases") is not YamlSequenceNode cases || cases.Children.Count == 0) problems.Add("expected 'cases:' with at least one case");
        if (problems.Count > 0) return [new MappingTestResult(file, "(file)", problems)];
        var results = new List<MappingTestResult>();
        var index = 0;
        foreach (var node in ((YamlSequenceNode)root.Get("cases")!).Children)
        {
            index++;
            var testCase = node as YamlMappingNode;
            var caseName = testCase?.Text("name") ?? $"case {index}";
            var failures = new List<string>();
            var warnings = new List<string>();
            try
            {
                if (testCase is null) failures.Add("a case is a block with name, input/message and expect");
                else
                {
                    foreach (var key in testCase.Children.Keys.Select(k => (k as YamlScalarNode)?.Value ?? "").Where(k => !CaseKeys.Contains(k)))
                    {
                        failures.Add($"unknown key '{key}'; expected {string.Join(", ", CaseKeys)}");
                    }
                    if (inbound is not null) RunInbound(inbound, testCase, testFile, failures, warnings);
                    else RunOutbound(outbound!, testCase, testFile, failures);
                }
            }
            catch (Exception ex) when (ex is IOException or JsonException or FormatException or InvalidOperationException or System.Xml.XmlException)
            {
                failures.Add($"{ex.GetType().Name}: {ex.Message}");
            }
            results.Add(new MappingTestResult(file, caseName, failures) { Warnings = warnings });
        }
        return results;
    }

    private static void RunInbound(InboundMapping mapping, YamlMappingNode testCase, string testFile, List<string> failures, List<string> warnings)
    {
        var payload = testCase.Text("payload") is { } inline ? Encoding.UTF8.GetBytes(inline) : File.ReadAllBytes(Resolve(testFile, testCase.Text("input") ?? throw new InvalidOperationException("a case needs 'input:' (a file) or 'payload:'")));
        var metadata = testCase.Get("metadata") is YamlMappingNode meta
            ? meta.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value ?? "", c => (c.Value as YamlScalarNode)?.Value ?? "")
            : new Dictionary<string, string>();
        var result = mapping.Map(payload, testCase.Text("contentType") ?? "application/" + mapping.Format, metadata);
        var expect = testCase.Get("expect") as YamlMappingNode ?? throw new InvalidOperationException("a case needs 'expect:' with messages or errors");
        warnings.AddRange(result.Warnings.Select(w => w.ToString()));
        foreach (var key in expect.Children.Keys.Select(k => (k as YamlScalarNode)?.Value ?? "").Where(k => !InboundExpectKeys.Contains(k)))
        {
            failures.Add($"unknown key '{key}' in expect:; expected {string.Join(", ", InboundExpectKeys)}");
        }
        if (expect.Get("warnings") is YamlSequenceNode expectedWarnings)
        {
            var expected = expectedWarnings.Children.Select(w => (w as YamlScalarNode)?.Value ?? "").ToList();
            var actual = result.Warnings.Select(w => w.Message).ToList();
            if (!expected.SequenceEqual(actual)) failures.Add($"warnings: expected [{string.Join("; ", expected)}], got [{string.Join("; ", actual)}]");
        }
        if (expect.Get("messages") is YamlSequenceNode expectedMessages)
        {
            if (result.Errors.Count > 0 && expect.Get("errors") is null) failures.AddRange(result.Errors.Select(e => "unexpected error: " + e));
            var expected = YamlJson.Convert(expectedMessages)!.AsArray();
            var actual = new JsonArray(result.Messages.Select((m, i) => (JsonNode)WithoutUnmentionedId(m.Json, i < expected.Count ? expected[i] : null)).ToArray());
            JsonComparer.Compare(expected, actual, "messages", failures);
        }
        if (expect.Get("errors") is YamlSequenceNode expectedErrors)
        {
            foreach (var key in expectedErrors.Children.OfType<YamlMappingNode>().SelectMany(e => e.Children.Keys).Select(k => (k as YamlScalarNode)?.Value ?? "").Where(k => !ErrorKeys.Contains(k)).Distinct())
            {
                failures.Add($"unknown key '{key}' in an expected error; expected {string.Join(", ", ErrorKeys)}");
            }
            if (result.Messages.Count > 0 && expect.Get("messages") is null) failures.Add($"expected errors, but {result.Messages.Count} message(s) were mapped");
            var actual = new JsonArray(result.Errors.Select(e => (JsonNode)new JsonObject
            {
                ["field"] = e.Field,
                ["item"] = e.Item,
                ["sourcePath"] = e.SourcePath,
                ["value"] = e.Value,
                ["message"] = e.Message,
            }).ToArray());
            CompareSubset(YamlJson.Convert(expectedErrors), actual, "errors", failures);
        }
    }

    private static void RunOutbound(OutboundMapping mapping, YamlMappingNode testCase, string testFile, List<string> failures)
    {
        var messageNode = testCase.Get("message") ?? throw new InvalidOperationException("an outbound case needs 'message:' (a canonical JSON file or an inline message)");
        var json = messageNode is YamlScalarNode { Value: { } path } ? JsonNode.Parse(File.ReadAllText(Resolve(testFile, path))) : YamlJson.Convert(messageNode);
        var message = CanonicalJson.FromJson(json!, mapping.Consumes);
        var expect = testCase.Get("expect") as YamlMappingNode ?? throw new InvalidOperationException("a case needs 'expect:'");
        RenderedMessage request;
        try
        {
            request = mapping.Render(message);
        }
        catch (MappingRuntimeException ex)
        {
            if (expect.Get("error") is YamlMappingNode expectedError)
            {
                var actual = new JsonObject { ["field"] = ex.Field, ["sourcePath"] = ex.SourcePath, ["value"] = ex.Value, ["message"] = ex.Message };
                CompareSubset(YamlJson.Convert(expectedError), actual, "error", failures);
            }
            else failures.Add("unexpected error: " + ex);
            return;
        }
        if (expect.Get("error") is not null) failures.Add("expected an error, but the message was rendered");
        foreach (var key in expect.Children.Keys.Select(k => (k as YamlScalarNode)?.Value ?? "").Where(k => !OutboundExpectKeys.Contains(k)))
        {
            failures.Add($"unknown key '{key}' in expect:; expected {string.Join(", ", OutboundExpectKeys)}");
        }
        if (expect.Text("address") is { } address && address != request.Address) failures.Add($"address: expected {address}, got {request.Address}");
        if (expect.Text("path") is { } expectedPath && expectedPath != request.Address) failures.Add($"path: expected {expectedPath}, got {request.Address}");
        if (expect.Text("method") is { } method && method != request.Properties.GetValueOrDefault("method")) failures.Add($"method: expected {method}, got {request.Properties.GetValueOrDefault("method") ?? "(none)"}");
        if (expect.Get("properties") is YamlMappingNode properties)
        {
            foreach (var (k, v) in properties.Children)
            {
                var propertyName = ((YamlScalarNode)k).Value!;
                var expected = (v as YamlScalarNode)?.Value;
                if (!request.Properties.TryGetValue(propertyName, out var actual) || actual != expected) failures.Add($"property {propertyName}: expected {expected}, got {actual ?? "(none)"}");
            }
        }
        if (expect.Text("contentType") is { } contentType && contentType != request.ContentType) failures.Add($"contentType: expected {contentType}, got {request.ContentType}");
        if (expect.Get("headers") is YamlMappingNode headers)
        {
            foreach (var (k, v) in headers.Children)
            {
                var headerName = ((YamlScalarNode)k).Value!;
                var expected = ((YamlScalarNode)v).Value;
                if (!request.Headers.TryGetValue(headerName, out var actual) || actual != expected) failures.Add($"header {headerName}: expected {expected}, got {actual ?? "(none)"}");
            }
        }
        if (expect.Get("body") is { } body) CompareBody(mapping.Format, body, request.Body, testFile, failures);
    }

    private static void CompareBody(string format, YamlNode body, byte[] actual, string testFile, List<string> failures)
    {
        var expectedText = body is YamlScalarNode { Value: { } file } && !file.TrimStart().StartsWith('<') && File.Exists(Resolve(testFile, file))
            ? File.ReadAllText(Resolve(testFile, file))
            : (body as YamlScalarNode)?.Value;
        var actualText = Encoding.UTF8.GetString(actual);
        switch (format)
        {
            case "json":
                var expectedJson = expectedText is null ? YamlJson.Convert(body) : JsonNode.Parse(expectedText);
                JsonComparer.Compare(expectedJson, JsonNode.Parse(actual), "body", failures);
                break;
            case "xml":
                var expectedXml = XDocument.Parse(expectedText ?? "");
                var actualXml = XDocument.Parse(actualText);
                if (!XNode.DeepEquals(Normalize(expectedXml), Normalize(actualXml))) failures.Add($"body: expected\n{expectedXml}\ngot\n{actualXml}");
                break;
            default:
                if (Lines(expectedText) != Lines(actualText)) failures.Add($"body: expected\n{expectedText}\ngot\n{actualText}");
                break;
        }
    }

    /// <summary>A message id is checked only when the test names one: it is deterministic but opaque.</summary>
    private static JsonObject WithoutUnmentionedId(JsonObject message, JsonNode? expected)
    {
        if (expected is JsonObject e && e.ContainsKey("messageId")) return message;
        message.Remove("messageId");
        return message;
    }

    private static XElement Normalize(XDocument document)
    {
        var root = new XElement(document.Root!);
        foreach (var text in root.DescendantNodesAndSelf().OfType<XText>().Where(t => string.IsNullOrWhiteSpace(t.Value)).ToList()) text.Remove();
        return root;
    }

    private static string Lines(string? text) => string.Join("\n", (text ?? "").ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));

    private static void CompareSubset(JsonNode? expected, JsonNode actual, string path, List<string> failures)
    {
        // Errors are matched on the keys the test names (field, sourcePath, value, message).
        if (expected is JsonArray expectedArray && actual is JsonArray actualArray)
        {
            if (expectedArray.Count != actualArray.Count) failures.Add($"{path}: expected {expectedArray.Count} error(s), got {actualArray.Count}: {actual.ToJsonString(CanonicalJson.Options)}");
            for (var i = 0; i < Math.Min(expectedArray.Count, actualArray.Count); i++) CompareSubset(expectedArray[i], actualArray[i]!, $"{path}[{i}]", failures);
            return;
        }
        if (expected is JsonObject expectedObject && actual is JsonObject actualObject)
        {
            foreach (var (key, value) in expectedObject)
            {
                actualObject.TryGetPropertyValue(key, out var actualValue);
                if (!JsonNode.DeepEquals(value is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? JsonValue.Create(v.ToJsonString(CanonicalJson.Options)) : value, actualValue))
                {
                    failures.Add($"{path}.{key}: expected {value?.ToJsonString(CanonicalJson.Options) ?? "null"}, got {actualValue?.ToJsonString(CanonicalJson.Options) ?? "null"}");
                }
            }
        }
    }

    private static string Resolve(string testFile, string relative) => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(testFile))!, relative));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bridge.Mappings;

namespace Bridge.Mappings.Testing;

/// <summary>
/// Compares expected (from a test file) with actual canonical JSON: every expected member must match (numbers by
/// decimal value); an actual member the test does not mention must hold a default (null, false, 0, empty list).
/// </summary>
internal static class JsonComparer
{
    public static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> failures)
    {
        switch (expected)
        {
            case null:
                if (!IsDefault(actual)) failures.Add($"{Name(path)}: expected null, got {Show(actual)}");
                return;
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject)
                {
                    failures.Add($"{Name(path)}: expected an object, got {Show(actual)}");
                    return;
                }
                foreach (var (key, value) in expectedObject)
                {
                    if (!actualObject.TryGetPropertyValue(key, out var actualValue) && value is not null)
                    {
                        failures.Add($"{Join(path, key)}: expected {Show(value)}, but it is missing");
                        continue;
                    }
                    Compare(value, actualValue, Join(path, key), failures);
                }
                foreach (var (key, value) in actualObject)
                {
                    if (!expectedObject.ContainsKey(key) && !IsDefault(value)) failures.Add($"{Join(path, key)}: not expected, got {Show(value)}");
                }
                return;
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray)
                {
                    failures.Add($"{Name(path)}: expected a list, got {Show(actual)}");
                    return;
                }
                if (expectedArray.Count != actualArray.Count) failures.Add($"{Name(path)}: expected {expectedArray.Count} item(s), got {actualArray.Count}");
                for (var i = 0; i < Math.Min(expectedArray.Count, actualArray.Count); i++) Compare(expectedArray[i], actualArray[i], $"{path}[{i}]", failures);
                return;
            case JsonValue expectedValue:
                if (!ValueEquals(expectedValue, actual)) failures.Add($"{Name(path)}: expected {Show(expected)}, got {Show(actual)}");
                return;
        }
    }

    private static bool ValueEquals(JsonValue expected, JsonNode? actual)
    {
        if (actual is not JsonValue actualValue) return false;
        var e = expected.GetValueKind();
        var a = actualValue.GetValueKind();
        if (e == JsonValueKind.Number && a == JsonValueKind.Number) return expected.GetValue<decimal>() == Number(actualValue);
        if (e == JsonValueKind.String && a == JsonValueKind.String)
        {
            var expectedText = expected.GetValue<string>();
            var actualText = actualValue.GetValue<string>();
            if (expectedText == actualText) return true;
            return DateTimeOffset.TryParse(expectedText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var ed) &&
                   DateTimeOffset.TryParse(actualText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var ad) && ed == ad &&
                   expectedText.Contains('T') && actualText.Contains('T');
        }
        if (e == JsonValueKind.Number && a == JsonValueKind.String) return decimal.TryParse(actualValue.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == expected.GetValue<decimal>();
        return JsonNode.DeepEquals(expected, actual);
    }

    private static decimal Number(JsonValue value) =>
        value.TryGetValue<decimal>(out var d) ? d : decimal.Parse(value.ToJsonString(CanonicalJson.Options), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool IsDefault(JsonNode? node) => node switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.False or JsonValueKind.Null => true,
            JsonValueKind.Number => Number(value) == 0m,
            _ => false,
        },
        _ => false,
    };

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private static string Name(string path) => path.Length == 0 ? "(message)" : path;

    private static string Show(JsonNode? node) => node is null ? "null" : node.ToJsonString(CanonicalJson.Options);
}

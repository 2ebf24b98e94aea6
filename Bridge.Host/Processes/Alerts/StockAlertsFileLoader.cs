using System.Globalization;
using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Yaml;
using YamlDotNet.RepresentationModel;

namespace Bridge.Host.Processes.Alerts;

/// <summary>
/// Reads <c>alerts.yaml</c>: when the stock alert check runs and its thresholds. Collects every problem with file, line
/// and column. A missing file means the defaults (<see cref="StockAlertSettings.Default"/>).
/// </summary>
public static class StockAlertsFileLoader
{
    public const string FileName = "alerts.yaml";

    private static readonly string[] RootKeys = ["cron", "expiringWithinDays", "idleForDays", "safetyStock"];
    private static readonly string[] SafetyKeys = ["material", "warehouse", "quantity", "unit"];

    public static (StockAlertSettings Settings, IReadOnlyList<ConfigurationError> Errors) Load(string path)
    {
        var errors = new ConfigurationErrorSink();
        if (!File.Exists(path))
        {
            return (StockAlertSettings.Default, errors.Errors);
        }

        var file = Path.GetFileName(path);
        var root = YamlConfigFile.Read(path, errors, string.Join(":, ", RootKeys) + ":", file);
        if (root is null)
        {
            return (StockAlertSettings.Default, errors.Errors);
        }

        var settings = StockAlertSettings.Default;
        var safety = new List<SafetyStock>();
        foreach (var (keyNode, value) in root.Children)
        {
            switch (Text(keyNode))
            {
                case "cron":
                    settings = settings with { Cron = Cron(file, value, errors) };
                    break;
                case "expiringWithinDays":
                    settings = settings with { ExpiringWithinDays = Days(file, "expiringWithinDays", value, errors) };
                    break;
                case "idleForDays":
                    settings = settings with { IdleForDays = Days(file, "idleForDays", value, errors) };
                    break;
                case "safetyStock":
                    ReadSafetyStocks(file, value, safety, errors);
                    break;
                default:
                    errors.Add(file, keyNode, $"unknown key '{Text(keyNode)}'; expected one of {string.Join(", ", RootKeys)}");
                    break;
            }
        }

        return (settings with { SafetyStocks = safety }, errors.Errors);
    }

    private static void ReadSafetyStocks(string file, YamlNode value, List<SafetyStock> safety, ConfigurationErrorSink errors)
    {
        if (value is not YamlSequenceNode list)
        {
            errors.Add(file, value, "'safetyStock' must be a list of { material, warehouse?, quantity, unit }");
            return;
        }

        var seen = new HashSet<(string, string?)>();
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode map)
            {
                errors.Add(file, item, "a safety stock must be a mapping { material, warehouse?, quantity, unit }");
                continue;
            }

            var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, node) in map.Children)
            {
                if (SafetyKeys.Contains(Text(keyNode)))
                {
                    values[Text(keyNode)] = node;
                }
                else
                {
                    errors.Add(file, keyNode, $"safety stock: unknown key '{Text(keyNode)}'; expected one of {string.Join(", ", SafetyKeys)}");
                }
            }

            var material = values.TryGetValue("material", out var m) ? Text(m) : "";
            var unit = values.TryGetValue("unit", out var u) ? Text(u) : "";
            var warehouse = values.TryGetValue("warehouse", out var w) ? Text(w) : null;
            if (material.Length == 0)
            {
                errors.Add(file, item, "safety stock: 'material' is required");
            }

            if (unit.Length == 0)
            {
                errors.Add(file, item, $"safety stock of '{material}': 'unit' is required");
            }

            decimal quantity = 0;
            if (!values.TryGetValue("quantity", out var q))
            {
                errors.Add(file, item, $"safety stock of '{material}': 'quantity' is required");
            }
            else if (!decimal.TryParse(Text(q), NumberStyles.Number, CultureInfo.InvariantCulture, out quantity) || quantity <= 0m)
            {
                errors.Add(file, q, $"safety stock of '{material}': 'quantity' must be a number > 0, not '{Text(q)}'");
            }

            if (material.Length > 0 && !seen.Add((material, warehouse)))
            {
                errors.Add(file, item, $"safety stock of '{material}'{(warehouse is null ? "" : $" in {warehouse}")} is given twice");
            }

            safety.Add(new SafetyStock(material, warehouse, quantity, unit));
        }
    }

    private static string Cron(string file, YamlNode value, ConfigurationErrorSink errors)
    {
        var text = Text(value);
        if (text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is not (5 or 6))
        {
            errors.Add(file, value, $"'cron' must be a cron expression of 5 or 6 fields, not '{text}'");
            return StockAlertSettings.DefaultCron;
        }

        return text;
    }

    private static int Days(string file, string key, YamlNode value, ConfigurationErrorSink errors)
    {
        if (int.TryParse(Text(value), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is > 0 and <= 3650)
        {
            return days;
        }

        errors.Add(file, value, $"'{key}' must be a whole number of days from 1 to 3650, not '{Text(value)}'");
        return 1;
    }

    private static string Text(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value ?? "" : "";
}

using System.Globalization;
using Bridge.Host.Domain.LineSide;
using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Yaml;
using YamlDotNet.RepresentationModel;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// Reads <c>line-side.yaml</c>: the line-side locations Bridge keeps stocked. Collects every problem with file, line and
/// column. A missing file means no line-side locations.
/// </summary>
public static class LineSideFileLoader
{
    public const string FileName = "line-side.yaml";

    private static readonly HashSet<string> Keys =
        ["line", "material", "unit", "reorderPoint", "max", "packSize", "source", "leadTime", "mode", "binQuantity", "cards", "unitWeight", "signals"];

    private static readonly HashSet<string> SignalKinds = ["device", "sensor", "manual"];

    public static (IReadOnlyList<LineSideLocation> Locations, IReadOnlyList<ConfigurationError> Errors) Load(string path)
    {
        var errors = new ConfigurationErrorSink();
        var locations = new List<LineSideLocation>();
        if (!File.Exists(path))
            return (locations, errors.Errors);

        var file = Path.GetFileName(path);
        var root = YamlConfigFile.Read(path, errors, "locations:", file);
        if (root is null)
            return (locations, errors.Errors);

        foreach (var (key, value) in root.Children)
        {
            if (Text(key) != "locations")
            {
                errors.Add(file, key, $"unknown key '{Text(key)}'; expected 'locations'");
                continue;
            }

            if (value is not YamlMappingNode list)
            {
                errors.Add(file, value, "expected a mapping of location id → settings");
                continue;
            }

            foreach (var (idNode, body) in list.Children)
            {
                if (ReadLocation(file, Text(idNode), idNode, body, errors) is { } location)
                    locations.Add(location);
            }
        }

        return (locations, errors.Errors);
    }

    private static LineSideLocation? ReadLocation(string file, string id, YamlNode idNode, YamlNode body, ConfigurationErrorSink errors)
    {
        var before = errors.Count;
        if (id.Length is 0 or > 100 || id.Any(char.IsControl) || id.Contains('/', StringComparison.Ordinal))
            errors.Add(file, idNode, $"location id '{id}' must be 1–100 characters without '/' or control characters");
        if (body is not YamlMappingNode map)
        {
            errors.Add(file, body, $"location '{id}': expected a mapping of settings");
            return null;
        }

        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = Text(keyNode);
            if (!Keys.Contains(key))
                errors.Add(file, keyNode, $"location '{id}': unknown key '{key}'; expected one of {string.Join(", ", Keys)}");
            else
                values[key] = valueNode;
        }

        string Required(string key)
        {
            if (values.TryGetValue(key, out var node) && Text(node) is { Length: > 0 } text)
                return text;
            errors.Add(file, values.GetValueOrDefault(key) ?? idNode, $"location '{id}': '{key}' is required");
            return "";
        }

        decimal? Number(string key, bool required, bool allowZero = false)
        {
            if (!values.TryGetValue(key, out var node))
            {
                if (required)
                    errors.Add(file, idNode, $"location '{id}': '{key}' is required");
                return null;
            }

            if (decimal.TryParse(Text(node), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && (number > 0 || (allowZero && number == 0)))
                return number;
            errors.Add(file, node, $"location '{id}': '{key}' must be a number {(allowZero ? "≥ 0" : "> 0")}, not '{Text(node)}'");
            return null;
        }

        var line = Required("line");
        var material = Required("material");
        var unit = Required("unit");
        var mode = ReadMode(file, id, values.GetValueOrDefault("mode"), errors);
        var binQuantity = Number("binQuantity", mode != LineSideMode.MinMax);
        var cardsNumber = Number("cards", mode == LineSideMode.Kanban);
        var reorderPoint = Number("reorderPoint", mode == LineSideMode.MinMax, allowZero: true);
        var max = Number("max", mode == LineSideMode.MinMax);
        var packSize = Number("packSize", false) ?? binQuantity ?? 1m;
        var unitWeight = Number("unitWeight", false);
        var warehouses = ReadWarehouses(file, id, values.GetValueOrDefault("source"), idNode, errors);
        var leadTime = ReadLeadTime(file, id, values.GetValueOrDefault("leadTime"), idNode, errors);
        var signals = ReadSignals(file, id, values.GetValueOrDefault("signals"), errors);
        if (cardsNumber is { } c && c != decimal.Truncate(c))
            errors.Add(file, values["cards"], $"location '{id}': 'cards' must be a whole number");

        // Two-bin: two bins, one bin left is the reorder point. Kanban: all cards' worth, one card short is the reorder point.
        var bins = mode switch { LineSideMode.TwoBin => 2m, LineSideMode.Kanban => cardsNumber ?? 1m, _ => 0m };
        var bin = binQuantity ?? 0m;
        var resolvedMax = max ?? bins * bin;
        var resolvedReorder = reorderPoint ?? (resolvedMax - bin);
        if ((max is not null || bin > 0) && resolvedReorder >= resolvedMax)
            errors.Add(file, values.GetValueOrDefault("reorderPoint") ?? idNode, $"location '{id}': reorderPoint ({resolvedReorder}) must be below max ({resolvedMax})");

        if (errors.Count > before)
            return null;
        return new LineSideLocation
        {
            Id = id,
            Line = line,
            Material = material,
            Unit = unit,
            ReorderPoint = resolvedReorder,
            Max = resolvedMax,
            PackSize = packSize,
            Warehouses = warehouses,
            LeadTime = leadTime,
            Mode = mode,
            BinQuantity = binQuantity,
            Cards = cardsNumber is { } n ? (int)n : null,
            UnitWeightKg = unitWeight,
            Signals = signals,
        };
    }

    private static LineSideMode ReadMode(string file, string id, YamlNode? node, ConfigurationErrorSink errors)
    {
        switch (node is null ? "min-max" : Text(node))
        {
            case "min-max": return LineSideMode.MinMax;
            case "two-bin": return LineSideMode.TwoBin;
            case "kanban": return LineSideMode.Kanban;
            default:
                errors.Add(file, node!, $"location '{id}': mode '{Text(node!)}' is not one of min-max, two-bin, kanban");
                return LineSideMode.MinMax;
        }
    }

    private static List<string> ReadWarehouses(string file, string id, YamlNode? node, YamlNode idNode, ConfigurationErrorSink errors)
    {
        var list = node switch
        {
            YamlSequenceNode sequence => sequence.Children.Select(Text).ToList(),
            YamlScalarNode scalar => [Text(scalar)],
            _ => [],
        };
        if (list.Count == 0 || list.Any(w => w.Length == 0))
            errors.Add(file, node ?? idNode, $"location '{id}': 'source' must name the warehouse(s) to refill from");
        return list;
    }

    private static TimeSpan ReadLeadTime(string file, string id, YamlNode? node, YamlNode idNode, ConfigurationErrorSink errors)
    {
        if (node is null)
        {
            errors.Add(file, idNode, $"location '{id}': 'leadTime' is required (hh:mm:ss)");
            return TimeSpan.Zero;
        }

        if (TimeSpan.TryParse(Text(node), CultureInfo.InvariantCulture, out var leadTime) && leadTime > TimeSpan.Zero)
            return leadTime;
        errors.Add(file, node, $"location '{id}': 'leadTime' must be a positive time span (hh:mm:ss), not '{Text(node)}'");
        return TimeSpan.Zero;
    }

    private static List<LineSideSignalSource> ReadSignals(string file, string id, YamlNode? node, ConfigurationErrorSink errors)
    {
        var signals = new List<LineSideSignalSource>();
        if (node is null)
            return signals;
        if (node is not YamlSequenceNode sequence)
        {
            errors.Add(file, node, $"location '{id}': 'signals' must be a list (- device: <node id>, - sensor: <topic>, - manual)");
            return signals;
        }

        foreach (var item in sequence.Children)
        {
            switch (item)
            {
                case YamlScalarNode { Value: "manual" }:
                    signals.Add(new LineSideSignalSource("manual", null));
                    break;
                case YamlMappingNode { Children.Count: 1 } one when SignalKinds.Contains(Text(one.Children.Keys.First())):
                    signals.Add(new LineSideSignalSource(Text(one.Children.Keys.First()), Text(one.Children.Values.First())));
                    break;
                default:
                    errors.Add(file, item, $"location '{id}': a signal is '- device: <node id>', '- sensor: <topic>' or '- manual'");
                    break;
            }
        }

        return signals;
    }

    private static string Text(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value ?? "" : "";
}

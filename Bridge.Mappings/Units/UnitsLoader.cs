using System.Globalization;
using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Yaml;
using YamlDotNet.RepresentationModel;

namespace Bridge.Mappings.Units;

/// <summary>
/// Reads config/units.yaml:
/// <c>units: { kg: mass 1, g: mass 0.001 }</c>, <c>aliases: { KGM: kg }</c>,
/// <c>materials: { "MAT-1": { box: 50 pcs, pcs: 25 g } }</c>.
/// </summary>
internal static class UnitsLoader
{
    private static readonly HashSet<string> TopKeys = ["units", "aliases", "materials"];

    public static UnitTable Load(string file, ConfigurationErrorSink errors)
    {
        if (!File.Exists(file)) return UnitTable.Empty;
        var root = YamlConfigFile.Read(file, errors, "units:, aliases:, materials:");
        if (root is null) return UnitTable.Empty;
        foreach (var key in root.Children.Keys)
        {
            if (!TopKeys.Contains((key as YamlScalarNode)?.Value ?? "")) errors.Add(file, key, $"unknown key '{key}' in units file; expected units, aliases or materials");
        }
        var units = new List<UnitDefinition>();
        foreach (var (code, value) in Entries(root.Get("units"), file, errors))
        {
            var parts = value.Value?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            if (parts.Length != 2 || !decimal.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) || factor <= 0)
            {
                errors.Add(file, value, $"unit '{code}': expected '<dimension> <factor to the base unit>', e.g. 'mass 0.001'");
                continue;
            }
            units.Add(new UnitDefinition(code, parts[0], factor));
        }
        var known = units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (alias, value) in Entries(root.Get("aliases"), file, errors))
        {
            if (!known.Contains(value.Value ?? "")) errors.Add(file, value, $"alias '{alias}' points to unknown unit '{value.Value}'; expected one of {string.Join(", ", known)}");
            else aliases[alias] = value.Value!;
        }
        var materials = new Dictionary<string, IReadOnlyList<PackagingFactor>>(StringComparer.Ordinal);
        if (root.Get("materials") is YamlMappingNode materialNode)
        {
            foreach (var (materialKey, factorsNode) in materialNode.Children)
            {
                var material = (materialKey as YamlScalarNode)?.Value ?? "";
                var factors = new List<PackagingFactor>();
                foreach (var (unit, value) in Entries(factorsNode, file, errors))
                {
                    var parts = value.Value?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
                    if (parts.Length != 2 || !decimal.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var quantity) || quantity <= 0)
                    {
                        errors.Add(file, value, $"material '{material}', unit '{unit}': expected '<quantity> <unit>', e.g. '50 pcs'");
                        continue;
                    }
                    var of = aliases.TryGetValue(parts[1], out var canonical) ? canonical : parts[1];
                    var unitCode = aliases.TryGetValue(unit, out var u) ? u : unit;
                    if (!known.Contains(of)) errors.Add(file, value, $"material '{material}': unknown unit '{parts[1]}'");
                    if (!known.Contains(unitCode)) errors.Add(file, value, $"material '{material}': unknown unit '{unit}' (declare it under units:, e.g. '{unit}: package 1')");
                    factors.Add(new PackagingFactor(unitCode, quantity, of));
                }
                materials[material] = factors;
            }
        }
        return new UnitTable(units, aliases, materials);
    }

    private static IEnumerable<(string Key, YamlScalarNode Value)> Entries(YamlNode? node, string file, ConfigurationErrorSink errors)
    {
        if (node is null) yield break;
        if (node is not YamlMappingNode map)
        {
            errors.Add(file, node, "expected a block of key: value lines");
            yield break;
        }
        foreach (var (key, value) in map.Children)
        {
            if (key is YamlScalarNode { Value: { } k } && value is YamlScalarNode v) yield return (k, v);
            else errors.Add(file, key, "expected key: value");
        }
    }
}

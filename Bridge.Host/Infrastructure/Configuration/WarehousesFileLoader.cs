using System.Globalization;
using Bridge.Host.Domain.Sourcing;
using Bridge.Mappings.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bridge.Host.Infrastructure.Configuration;

/// <summary>
/// Reads <c>warehouses.yaml</c> (plants, warehouses, transfer routes between sites); every problem with file, line and
/// column. An absent file is an empty catalog: without it every warehouse counts as the plant's own.
/// </summary>
public static class WarehousesFileLoader
{
    public static (WarehouseCatalog Catalog, IReadOnlyList<ConfigurationError> Errors) Load(string path)
    {
        var errors = new List<ConfigurationError>();
        if (!File.Exists(path))
        {
            return (WarehouseCatalog.Empty, errors);
        }

        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            errors.Add(new ConfigurationError(path, (int)ex.Start.Line, (int)ex.Start.Column, "YAML syntax: " + (ex.InnerException?.Message ?? ex.Message)));
            return (WarehouseCatalog.Empty, errors);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new ConfigurationError(path, 1, 1, "expected a mapping with 'plants', 'warehouses' and 'routes'"));
            return (WarehouseCatalog.Empty, errors);
        }

        var plants = new List<Plant>();
        var warehouses = new List<(Warehouse Warehouse, YamlNode Node)>();
        var routes = new List<TransferRoute>();
        foreach (var (keyNode, value) in root.Children)
        {
            switch (Text(keyNode))
            {
                case "plants":
                    foreach (var (id, body) in Entries(path, value, errors))
                    {
                        var fields = Fields(path, body, $"plant '{id}'", ["site", "owners", "mayUseOwners"], ["site"], errors);
                        plants.Add(new Plant(id, Scalar(fields, "site"), List(fields, "owners"), List(fields, "mayUseOwners")));
                    }

                    break;
                case "warehouses":
                    foreach (var (id, body) in Entries(path, value, errors))
                    {
                        var fields = Fields(path, body, $"warehouse '{id}'", ["site", "plants", "owners"], ["site"], errors);
                        warehouses.Add((new Warehouse(id, Scalar(fields, "site"), List(fields, "plants"), List(fields, "owners")), body));
                    }

                    break;
                case "routes":
                    if (value is not YamlSequenceNode list)
                    {
                        errors.Add(At(path, value, "routes: expected a list of { from, to, cost, leadTimeHours }"));
                        break;
                    }

                    foreach (var item in list)
                    {
                        var fields = Fields(path, item, "route", ["from", "to", "cost", "leadTimeHours"], ["from", "to", "cost", "leadTimeHours"], errors);
                        var cost = Number(path, fields, "cost", errors);
                        var hours = Number(path, fields, "leadTimeHours", errors);
                        routes.Add(new TransferRoute(Scalar(fields, "from"), Scalar(fields, "to"), cost, TimeSpan.FromHours((double)hours)));
                    }

                    break;
                default:
                    errors.Add(At(path, keyNode, $"unknown key '{Text(keyNode)}'; expected plants, warehouses or routes"));
                    break;
            }
        }

        var plantIds = plants.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (warehouse, node) in warehouses)
        {
            foreach (var plant in warehouse.Plants.Where(p => !plantIds.Contains(p)))
            {
                errors.Add(At(path, node, $"warehouse '{warehouse.Id}' serves plant '{plant}', which plants: does not define"));
            }
        }

        var sites = plants.Select(p => p.Site).Concat(warehouses.Select(w => w.Warehouse.Site)).ToHashSet(StringComparer.Ordinal);
        foreach (var route in routes)
        {
            foreach (var site in new[] { route.FromSite, route.ToSite }.Where(s => !sites.Contains(s)))
            {
                errors.Add(new ConfigurationError(path, 1, 1, $"route {route.FromSite} → {route.ToSite}: no plant or warehouse is at site '{site}'"));
            }
        }

        return (new WarehouseCatalog(plants, warehouses.Select(w => w.Warehouse), routes), errors);
    }

    private static IEnumerable<(string Id, YamlNode Body)> Entries(string path, YamlNode node, List<ConfigurationError> errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(At(path, node, "expected a mapping of id → settings"));
            return [];
        }

        return map.Children.Select(c => (Text(c.Key), c.Value));
    }

    private static Dictionary<string, YamlNode> Fields(string path, YamlNode node, string what, string[] allowed, string[] required, List<ConfigurationError> errors)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map)
        {
            errors.Add(At(path, node, $"{what}: expected a mapping"));
            return fields;
        }

        foreach (var (key, value) in map.Children)
        {
            if (allowed.Contains(Text(key)))
            {
                fields[Text(key)] = value;
            }
            else
            {
                errors.Add(At(path, key, $"{what}: unknown key '{Text(key)}'; expected one of {string.Join(", ", allowed)}"));
            }
        }

        foreach (var missing in required.Where(r => !fields.ContainsKey(r)))
        {
            errors.Add(At(path, node, $"{what}: '{missing}' is required"));
        }

        return fields;
    }

    private static decimal Number(string path, Dictionary<string, YamlNode> fields, string key, List<ConfigurationError> errors)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            return 0m;
        }

        if (decimal.TryParse(Text(node), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(At(path, node, $"{key}: '{Text(node)}' is not a non-negative number"));
        return 0m;
    }

    private static string Scalar(Dictionary<string, YamlNode> fields, string key) => fields.TryGetValue(key, out var node) ? Text(node) : "";

    private static IReadOnlyList<string> List(Dictionary<string, YamlNode> fields, string key) =>
        fields.TryGetValue(key, out var node) && node is YamlSequenceNode list ? list.Select(Text).ToList() : [];

    private static string Text(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value ?? "" : "";

    private static ConfigurationError At(string file, YamlNode node, string message) =>
        new(file, (int)node.Start.Line, (int)node.Start.Column, message);
}

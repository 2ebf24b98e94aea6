using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Loading;
using Bridge.Mappings.Units;
using Bridge.Mappings.Yaml;

namespace Bridge.Mappings;

/// <summary>
/// Every mapping of a configuration directory, compiled and immutable. Built only when every file is valid;
/// otherwise <see cref="LoadDirectory"/> returns every problem of every file.
/// </summary>
public sealed class MappingSet
{
    private readonly Dictionary<(string System, string MessageType), InboundMapping> _inbound;
    private readonly List<OutboundMapping> _outbound;

    private MappingSet(IEnumerable<InboundMapping> inbound, IEnumerable<OutboundMapping> outbound, UnitTable units)
    {
        _units = units;
        _inbound = inbound.ToDictionary(m => (m.System, m.MessageType));
        _outbound = [.. outbound];
    }

    public IReadOnlyCollection<InboundMapping> Inbound => _inbound.Values;

    private readonly UnitTable _units;

    /// <summary>
    /// Converts with the units table the mappings were compiled with (config/units.yaml: aliases, dimensions,
    /// per-material packaging), so the host's kit checks agree with the mappings on what a box of A-100 is.
    /// </summary>
    public bool TryConvertUnit(decimal quantity, string from, string to, string? material, out decimal result) =>
        _units.TryConvert(quantity, from, to, material, out result, out _);
    public IReadOnlyCollection<OutboundMapping> Outbound => _outbound;

    public InboundMapping? FindInbound(string system, string messageType) =>
        _inbound.GetValueOrDefault((system, messageType));

    public IReadOnlyList<OutboundMapping> FindOutbound(string system, Type canonicalType) =>
        _outbound.Where(m => m.System == system && m.Consumes == canonicalType).ToList();

    public IReadOnlyList<OutboundMapping> FindOutbound(string system, string canonicalTypeName) =>
        _outbound.Where(m => m.System == system && m.Consumes.Name == canonicalTypeName).ToList();

    /// <summary>Every outbound mapping consuming this type, for any system.</summary>
    public IReadOnlyList<OutboundMapping> FindOutbound(Type canonicalType) =>
        _outbound.Where(m => m.Consumes == canonicalType).ToList();

    /// <summary>Loads <c>configDir/mappings/**/*.yaml</c> (test files <c>*.test.yaml</c> excluded) with <c>configDir/units.yaml</c>.</summary>
    public static MappingLoadResult LoadDirectory(string configDir, TimeProvider? time = null)
    {
        var mappingsDir = Path.Combine(configDir, "mappings");
        if (!Directory.Exists(mappingsDir))
        {
            return new MappingLoadResult(null, [new ConfigurationError(Normalize(mappingsDir), 0, 0, "mappings directory not found")]);
        }
        var files = Directory.EnumerateFiles(mappingsDir, "*.*", SearchOption.AllDirectories)
            .Where(IsMappingFile)
            .Order(StringComparer.Ordinal)
            .ToList();
        return LoadFiles(files, configDir, time);
    }

    /// <summary>Loads the given mapping files (units from <paramref name="configDir"/>/units.yaml when given).</summary>
    public static MappingLoadResult LoadFiles(IEnumerable<string> files, string? configDir, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var errors = new ConfigurationErrorSink();
        var units = configDir is null ? UnitTable.Empty : UnitsLoader.Load(Normalize(Path.Combine(configDir, "units.yaml")), errors);
        var inbound = new List<InboundMapping>();
        var outbound = new List<OutboundMapping>();
        foreach (var path in files)
        {
            var file = Normalize(path);
            var root = YamlConfigFile.Read(path, errors, YamlConfigFile.MappingRoot, file);
            if (root is null) continue;
            switch (new MappingFileCompiler(file, units, errors).Compile(root))
            {
                case InboundDefinition definition:
                    var existing = inbound.FirstOrDefault(m => m.System == definition.System && m.MessageType == definition.MessageType);
                    if (existing is not null)
                    {
                        errors.Add(file, 1, 1, $"a second inbound mapping for system '{definition.System}' and message type '{definition.MessageType}' (the first is {existing.File})");
                        break;
                    }
                    inbound.Add(new InboundMapping(definition, time));
                    break;
                case OutboundDefinition definition:
                    outbound.Add(new OutboundMapping(definition, time));
                    break;
            }
        }
        foreach (var duplicate in inbound.Select(m => (m.Name, m.File)).Concat(outbound.Select(m => (m.Name, m.File))).GroupBy(m => m.Name).Where(g => g.Count() > 1))
        {
            errors.Add(duplicate.Last().File, 1, 1, $"mapping name '{duplicate.Key}' is used by {string.Join(" and ", duplicate.Select(d => d.File))}; names must be unique");
        }
        return errors.Count > 0
            ? new MappingLoadResult(null, errors.Errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Column).ToList())
            : new MappingLoadResult(new MappingSet(inbound, outbound, units), []);
    }

    internal static bool IsMappingFile(string path)
    {
        var name = Path.GetFileName(path);
        if (!(name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal))) return false;
        if (name.EndsWith(".test.yaml", StringComparison.Ordinal) || name.EndsWith(".test.yml", StringComparison.Ordinal)) return false;
        var segments = path.Replace('\\', '/').Split('/');
        return !segments.Contains("samples") && !segments.Contains("tests");
    }

    internal static string Normalize(string path) => path.Replace('\\', '/');
}

using Bridge.Contracts;
using Bridge.Host.Domain.Kitting;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Mappings.Diagnostics;
using Bridge.Mappings;

namespace Bridge.Host.Composition;

/// <summary>
/// Loads <c>systems.yaml</c> and the mappings once at start, checks them against each other, and refuses to
/// start (throws <see cref="InvalidConfigurationException"/>) listing every problem with file, line and column.
/// </summary>
public static class BridgeConfigurationExtensions
{
    public static LoadedConfiguration AddBridgeConfiguration(this IServiceCollection services, IConfiguration configuration)
    {
        var directory = ConfigDirectory.Resolve(configuration["Bridge:ConfigDir"]);
        var problems = new List<ConfigurationError>();

        var (systems, systemErrors) = SystemsFileLoader.Load(Path.Combine(directory, "systems.yaml"));
        problems.AddRange(systemErrors);

        var (warehouses, warehouseErrors) = WarehousesFileLoader.Load(Path.Combine(directory, "warehouses.yaml"));
        problems.AddRange(warehouseErrors);

        var loaded = MappingSet.LoadDirectory(directory);
        problems.AddRange(loaded.Errors);

        if (loaded.Set is { } set && systemErrors.Count == 0)
        {
            problems.AddRange(CrossCheck(systems, set));
        }

        if (problems.Count > 0 || loaded.Set is null)
        {
            throw new InvalidConfigurationException(problems.Count > 0 ? problems : [new ConfigurationError(directory, 1, 1, "the mappings could not be loaded")]);
        }

        var registry = new SystemsRegistry(systems, configuration);
        services.AddSingleton(registry);
        services.AddSingleton(warehouses);
        services.AddSingleton(new BridgeConfigurationInfo(directory));
        services.AddSingleton(sp => new MappingSetWatcher(directory, loaded.Set, sp.GetRequiredService<ILoggerFactory>().CreateLogger<MappingSetWatcher>()));
        // Units convert by the mappings' unit tables, so the converter comes with them.
        services.AddSingleton<IUnitConverter, MappingUnitConverter>();
        return new LoadedConfiguration(directory, systems, loaded.Set);
    }

    private static IEnumerable<ConfigurationError> CrossCheck(IReadOnlyList<SystemDefinition> systems, MappingSet mappings)
    {
        var ids = systems.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var mapping in mappings.Inbound.Where(m => !ids.Contains(m.System)))
        {
            yield return new ConfigurationError(mapping.File, 1, 1, $"inbound mapping '{mapping.Name}' is for system '{mapping.System}', which systems.yaml does not define");
        }

        foreach (var system in systems)
        {
            foreach (var name in system.Receives)
            {
                var type = CanonicalMessageTypes.Find(name);
                if (type is not null && mappings.FindOutbound(system.Id, type).Count == 0)
                {
                    yield return At(system, $"system '{system.Id}' receives {name}, but no outbound mapping renders {name} for '{system.Id}'");
                }

                if (system.Outbound is null)
                {
                    yield return At(system, $"system '{system.Id}' receives {name}, but has no send binding (send: or baseUrl) to send it by");
                }
            }
        }
    }

    private static ConfigurationError At(SystemDefinition system, string message) =>
        (system.Definition ?? new ConfigurationError("systems.yaml", 1, 1, "")) with { Message = message };
}

using Bridge.Mappings;

namespace Bridge.Tests.Mappings;

/// <summary>The shipped config/ loaded once per test run, with a fixed clock.</summary>
internal static class ShippedMappings
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 15, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<MappingSet> Loaded = new(() =>
    {
        var result = MappingSet.LoadDirectory(RepoPaths.Config, new FixedTimeProvider(Now));
        if (result.Set is null) throw new InvalidOperationException("shipped mappings are invalid:\n" + string.Join("\n", result.Errors));
        return result.Set;
    });

    public static MappingSet Set => Loaded.Value;

    public static byte[] Sample(string relative) => File.ReadAllBytes(RepoPaths.ConfigFile(Path.Combine("mappings", relative)));

    public static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();
}

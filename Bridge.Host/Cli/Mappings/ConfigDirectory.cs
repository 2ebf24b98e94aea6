namespace Bridge.Host.Cli.Mappings;

/// <summary>Where the configuration is: --config, else ./config, else the config/ copied beside the executable.</summary>
internal static class ConfigDirectory
{
    public static string Resolve(string? option)
    {
        if (!string.IsNullOrEmpty(option)) return option;
        if (Directory.Exists("config")) return "config";
        return Path.Combine(AppContext.BaseDirectory, "config");
    }

    /// <summary>The config directory a mapping file lives in (the parent of its <c>mappings/</c> folder), if any.</summary>
    public static string? OfMappingFile(string mappingFile)
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(mappingFile))!);
        while (dir is not null && dir.Name != "mappings") dir = dir.Parent;
        return dir?.Parent?.FullName;
    }
}

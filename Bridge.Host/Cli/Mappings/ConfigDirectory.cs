namespace Bridge.Host.Cli.Mappings;

/// <summary>
/// Where the configuration and the files named on the command line are. <c>dotnet run --project Bridge.Host</c>
/// may run the program in the project folder, so a relative path is also looked for above the current directory.
/// </summary>
internal static class ConfigDirectory
{
    public static string Resolve(string? option)
    {
        if (!string.IsNullOrEmpty(option)) return ResolvePath(option);
        var found = ResolvePath("config");
        return Directory.Exists(found) ? found : Path.Combine(AppContext.BaseDirectory, "config");
    }

    /// <summary>The path as given when it exists; else the first folder above the current one that has it; else as given.</summary>
    public static string ResolvePath(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path) || Directory.Exists(path)) return path;
        for (var dir = Directory.GetParent(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, path);
            if (File.Exists(candidate) || Directory.Exists(candidate)) return candidate;
        }
        return path;
    }

    /// <summary>The config directory a mapping file lives in (the parent of its <c>mappings/</c> folder), if any.</summary>
    public static string? OfMappingFile(string mappingFile)
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(mappingFile))!);
        while (dir is not null && dir.Name != "mappings") dir = dir.Parent;
        return dir?.Parent?.FullName;
    }
}

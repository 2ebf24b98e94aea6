namespace Bridge.Host.Infrastructure.Configuration;

/// <summary>
/// Where the configuration (for the host and the command line) and the files named on the command line are:
/// an explicit path, else <c>./config</c> or the first <c>config</c> above the current folder, else the copy beside
/// the executable. <c>dotnet run --project Bridge.Host</c> runs the program in the project folder (a web project),
/// so a relative path is also looked for above the current directory.
/// </summary>
public static class ConfigDirectory
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

namespace Bridge.Host.Configuration;

/// <summary>Where the YAML configuration lives: an explicit path, else <c>./config</c>, else the copy beside the executable.</summary>
public static class ConfigDirectory
{
    public static string Resolve(string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Path.GetFullPath(explicitPath);
        }

        var local = Path.GetFullPath("config");
        return File.Exists(Path.Combine(local, "systems.yaml")) ? local : Path.Combine(AppContext.BaseDirectory, "config");
    }
}

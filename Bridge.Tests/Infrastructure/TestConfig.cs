namespace Bridge.Tests.Infrastructure;

/// <summary>A private copy of the shipped config/ that a test may break or extend without touching the repository.</summary>
public static class TestConfig
{
    public static string CopyShipped()
    {
        var target = Directory.CreateTempSubdirectory("bridge-config-").FullName;
        var source = Integration.BridgeTestHost.RepositoryConfigDirectory();
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: true);
        }

        return target;
    }
}

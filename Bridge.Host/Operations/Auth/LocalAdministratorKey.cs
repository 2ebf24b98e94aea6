using System.Security.Cryptography;

namespace Bridge.Host.Operations.Auth;

/// <summary>
/// When no administrator key and no identity provider is configured, Bridge is not left open: at first start it
/// creates a random administrator key in a file only its user may read (mode 600) and reuses it afterwards.
/// <see cref="Key"/> is null when administrators are configured.
/// </summary>
public sealed class LocalAdministratorKey
{
    private LocalAdministratorKey(string? path, string? key, bool created)
    {
        Path = path;
        Key = key;
        Created = created;
    }

    public string? Path { get; }

    public string? Key { get; }

    /// <summary>True when this start wrote the file.</summary>
    public bool Created { get; }

    public static LocalAdministratorKey None { get; } = new(null, null, false);

    public static string DefaultPath()
    {
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return System.IO.Path.Combine(string.IsNullOrEmpty(data) ? AppContext.BaseDirectory : data, "bridge", "administrator.key");
    }

    /// <summary>Reads the key file, or creates it (atomically: two hosts starting at once end up with one key).</summary>
    public static LocalAdministratorKey OpenOrCreate(string path)
    {
        if (TryRead(path) is { } existing)
        {
            return new LocalAdministratorKey(path, existing, false);
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path: temp, options))
        {
            writer.WriteLine(key);
        }

        try
        {
            File.Move(temp, path, overwrite: false);
            return new LocalAdministratorKey(path, key, true);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return new LocalAdministratorKey(path, TryRead(path) ?? throw new InvalidOperationException($"administrator key file {path} is empty"), false);
        }
    }

    private static string? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
        {
            // Someone widened it: narrow it again rather than serve a key others can read.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var key = File.ReadAllText(path).Trim();
        return key.Length == 0 ? null : key;
    }
}

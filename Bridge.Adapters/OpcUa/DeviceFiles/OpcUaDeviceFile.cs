using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Bridge.Adapters.OpcUa.DeviceFiles;

/// <summary>
/// Reads a device YAML file (<c>config/devices/*.yaml</c>): syntax and unknown or mistyped keys are reported with
/// file, line and column; then every rule of <see cref="OpcUaAdapterOptionsValidator"/> is checked and
/// reported at the line of the setting it concerns (or of its node or write entry when the setting is a default).
/// </summary>
public static class OpcUaDeviceFile
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static OpcUaDeviceFileResult Load(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            return new OpcUaDeviceFileResult(name, null, [new OpcUaDeviceFileError(path, 1, 1, $"cannot read: {ex.Message}")]);
        }
        return Parse(path, name, text);
    }

    public static OpcUaDeviceFileResult Parse(string path, string name, string yaml)
    {
        OpcUaAdapterOptions? options;
        try
        {
            options = Deserializer.Deserialize<OpcUaAdapterOptions>(yaml);
        }
        catch (YamlException ex)
        {
            var reason = ex.InnerException?.Message ?? ex.Message;
            return new OpcUaDeviceFileResult(name, null, [new OpcUaDeviceFileError(path, (int)ex.Start.Line, (int)ex.Start.Column, reason)]);
        }
        if (options is null)
        {
            return new OpcUaDeviceFileResult(name, null, [new OpcUaDeviceFileError(path, 1, 1, "the file is empty")]);
        }
        var problems = OpcUaAdapterOptionsValidator.Check(name, options)
            .Select(p =>
            {
                var (line, column) = YamlPositions.Find(yaml, p.Path);
                return new OpcUaDeviceFileError(path, line, column, p.Message);
            })
            .ToList();
        return new OpcUaDeviceFileResult(name, problems.Count == 0 ? options : null, problems);
    }
}

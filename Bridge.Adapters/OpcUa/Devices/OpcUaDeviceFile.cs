using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Bridge.Adapters.OpcUa.Devices;

/// <summary>
/// Reads a device YAML file (<c>config/devices/*.yaml</c>): syntax and unknown or mistyped keys are reported with
/// file, line and column; then every rule of <see cref="OpcUaAdapterOptionsValidator"/> is checked.
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
            return new OpcUaDeviceFileResult(name, null, [$"{path}: cannot read: {ex.Message}"]);
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
            return new OpcUaDeviceFileResult(name, null, [$"{path}:{ex.Start.Line}:{ex.Start.Column}: {reason}"]);
        }
        if (options is null)
        {
            return new OpcUaDeviceFileResult(name, null, [$"{path}: the file is empty"]);
        }
        var problems = OpcUaAdapterOptionsValidator.Problems(name, options).Select(p => $"{path}: {p}").ToList();
        return new OpcUaDeviceFileResult(name, problems.Count == 0 ? options : null, problems);
    }
}

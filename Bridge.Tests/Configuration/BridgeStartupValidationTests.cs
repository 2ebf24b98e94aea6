using Bridge.Host.Composition;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Bridge.Tests.Configuration;

/// <summary>The host refuses to start on invalid configuration and names the file, the place and the problem.</summary>
public sealed class BridgeStartupValidationTests : IDisposable
{
    private readonly string _config = TestConfig.CopyShipped();

    public void Dispose() => Directory.Delete(_config, recursive: true);

    private Exception Build() => Should.Throw<InvalidConfigurationException>(() =>
        BridgeApplication.Build([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Bridge:ConfigDir"] = _config })));

    [Fact]
    public void ShippedConfiguration_Builds()
    {
        var app = BridgeApplication.Build([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Bridge:ConfigDir"] = _config }));

        app.ShouldNotBeNull();
    }

    [Fact]
    public void UnknownKeyInSystemsFile_IsNamedWithFileLineAndColumn()
    {
        var path = Path.Combine(_config, "systems.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("    receives: [KitChecked, MaterialDelivered, MaterialRequestFailed", "    recieves: [KitChecked, MaterialDelivered, MaterialRequestFailed"));

        var message = Build().Message;

        message.ShouldStartWith("Bridge configuration is invalid:");
        message.ShouldMatch(@"systems\.yaml:\d+:5: system 'mes': unknown key 'recieves'");
    }

    [Fact]
    public void SystemReceivingAMessageWithoutOutboundMapping_IsRefused()
    {
        File.Delete(Path.Combine(_config, "mappings", "mes", "kit-checked.yaml"));

        Build().Message.ShouldContain("system 'mes' receives KitChecked, but no outbound mapping renders KitChecked for 'mes'");
    }

    [Fact]
    public void BrokenMapping_IsNamedWithFileLineAndColumn()
    {
        var path = Path.Combine(_config, "mappings", "mes", "material-request.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("  requestId: reqNo", "  requestId: reqNo(("));

        Build().Message.ShouldMatch(@"material-request\.yaml:\d+:\d+: ");
    }
}

using Bridge.Contracts;
using Bridge.Host.Infrastructure.Configuration;

namespace Bridge.Tests.Configuration;

public sealed class SystemsFileLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bridge-systems-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string yaml)
    {
        var path = Path.Combine(_dir, "systems.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void ShippedSystemsFile_LoadsWithoutErrors()
    {
        var (systems, errors) = SystemsFileLoader.Load(Path.Combine(Integration.BridgeTestHost.RepositoryConfigDirectory(), "systems.yaml"));

        errors.ShouldBeEmpty();
        systems.Select(s => s.Id).ShouldContain("mes");
        systems.Single(s => s.Id == "wms-a").Warehouses.ShouldContain("WH-A");
    }

    [Fact]
    public void BadFile_ReportsEveryProblemWithLineAndColumn()
    {
        var path = Write("""
            systems:
              mes:
                baseUrl: not-a-url
                recieves: [KitChecked]
              wms-a:
                receives: [PickOrderIsued]
                apiKeyEnv: "s3cr3t key!"
            """);

        var (_, errors) = SystemsFileLoader.Load(path);

        errors.Select(e => e.ToString()).ShouldBe(
        [
            $"{path}:3:14: system 'mes': baseUrl 'not-a-url' is not an absolute http(s) URL",
            $"{path}:4:5: system 'mes': unknown key 'recieves'; expected one of description, baseUrl, apiKeyEnv, receives, warehouses, send, receive, accepts",
            $"{path}:6:15: system 'wms-a': 'PickOrderIsued' is not a canonical message; expected one of " + string.Join(", ", CanonicalMessageTypes.Names),
            $"{path}:7:16: system 'wms-a': apiKeyEnv must name an environment variable (letters, digits, '_'), not hold a key",
        ]);
    }

    [Fact]
    public void YamlSyntaxError_IsReportedWithPosition()
    {
        var path = Write("systems:\n  mes: [unclosed\n");

        var (_, errors) = SystemsFileLoader.Load(path);

        errors.Single().ShouldSatisfyAllConditions(
            e => e.Line.ShouldBeGreaterThan(1),
            e => e.Message.ShouldStartWith("YAML syntax"));
    }
}

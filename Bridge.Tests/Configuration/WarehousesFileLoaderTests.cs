using Bridge.Host.Infrastructure.Configuration;
using Bridge.Tests.Mappings;

namespace Bridge.Tests.Configuration;

public sealed class WarehousesFileLoaderTests
{
    [Fact]
    public void ShippedFile_Loads()
    {
        var (catalog, errors) = WarehousesFileLoader.Load(RepoPaths.ConfigFile("warehouses.yaml"));

        errors.ShouldBeEmpty();
        catalog.Warehouses["WH-A"].Plants.ShouldBe(["BER"]);
        catalog.Route("MUC", "BER")!.LeadTime.ShouldBe(TimeSpan.FromHours(6));
    }

    [Fact]
    public void BadFile_ListsEveryProblemWithLineAndColumn()
    {
        var path = Path.Combine(Path.GetTempPath(), $"warehouses-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, """
            plants:
              P1: { site: BER, owner: [X] }
            warehouses:
              WH-A: { site: BER, plants: [P9] }
            routes:
              - { from: BER, to: MUC, cost: cheap, leadTimeHours: 2 }
            """);
        try
        {
            var (_, errors) = WarehousesFileLoader.Load(path);

            errors.Select(e => $"{e.Line}:{e.Column}: {e.Message}").ShouldBe(
            [
                "2:20: plant 'P1': unknown key 'owner'; expected one of site, owners, mayUseOwners",
                "6:33: cost: 'cheap' is not a non-negative number",
                "4:9: warehouse 'WH-A' serves plant 'P9', which plants: does not define",
                "1:1: route BER → MUC: no plant or warehouse is at site 'MUC'",
            ]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

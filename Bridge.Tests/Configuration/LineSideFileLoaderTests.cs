using Bridge.Host.Domain.LineSide;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Processes.Replenishment;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Configuration;

public sealed class LineSideFileLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bridge-line-side-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string yaml)
    {
        var path = Path.Combine(_dir, LineSideFileLoader.FileName);
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void ShippedFile_LoadsEveryModeWithItsDerivedLevels()
    {
        var (locations, errors) = LineSideFileLoader.Load(Path.Combine(Integration.BridgeTestHost.RepositoryConfigDirectory(), "line-side.yaml"));

        errors.ShouldBeEmpty();
        var minMax = locations.Single(l => l.Id == "L1-ST03");
        minMax.ShouldSatisfyAllConditions(
            l => l.Mode.ShouldBe(LineSideMode.MinMax),
            l => l.ReorderPoint.ShouldBe(40m),
            l => l.Max.ShouldBe(120m),
            l => l.PackSize.ShouldBe(20m),
            l => l.Warehouses.ShouldBe(["WH-B"]),
            l => l.LeadTime.ShouldBe(TimeSpan.FromMinutes(30)),
            l => l.Signals.Select(s => s.Kind).ShouldBe(["device", "sensor"]));
        var twoBin = locations.Single(l => l.Id == "L1-ST04");
        (twoBin.Mode, twoBin.ReorderPoint, twoBin.Max, twoBin.PackSize, twoBin.UnitWeightKg).ShouldBe((LineSideMode.TwoBin, 50m, 100m, 50m, 0.012m));
        var kanban = locations.Single(l => l.Id == "L1-ST05");
        (kanban.Mode, kanban.Cards, kanban.ReorderPoint, kanban.Max).ShouldBe((LineSideMode.Kanban, 3, 400m, 600m));
    }

    [Fact]
    public void MissingFile_MeansNoLocations()
    {
        var (locations, errors) = LineSideFileLoader.Load(Path.Combine(_dir, "line-side.yaml"));

        locations.ShouldBeEmpty();
        errors.ShouldBeEmpty();
    }

    [Fact]
    public void BadFile_ReportsEveryProblemWithLineAndColumn()
    {
        var path = Write("""
            locations:
              L1-ST03:
                line: L1
                material: A-100
                unit: pcs
                reorderPoint: 150
                max: 120
                source: [WH-B]
                leadTime: soon
              L1-ST04:
                line: L1
                material: B-300
                unit: pcs
                mode: three-bin
                sorce: WH-B
                leadTime: "00:10:00"
                signals:
                  - radio: 7
            """);

        var (locations, errors) = LineSideFileLoader.Load(path);

        locations.ShouldBeEmpty();
        errors.Select(e => e.ToString()).ShouldBe([
            "line-side.yaml:9:15: location 'L1-ST03': 'leadTime' must be a positive time span (hh:mm:ss), not 'soon'",
            "line-side.yaml:6:19: location 'L1-ST03': reorderPoint (150) must be below max (120)",
            "line-side.yaml:15:5: location 'L1-ST04': unknown key 'sorce'; expected one of line, material, unit, reorderPoint, max, packSize, source, leadTime, mode, binQuantity, cards, unitWeight, signals",
            "line-side.yaml:14:11: location 'L1-ST04': mode 'three-bin' is not one of min-max, two-bin, kanban",
            "line-side.yaml:10:3: location 'L1-ST04': 'reorderPoint' is required",
            "line-side.yaml:10:3: location 'L1-ST04': 'max' is required",
            "line-side.yaml:10:3: location 'L1-ST04': 'source' must name the warehouse(s) to refill from",
            "line-side.yaml:18:9: location 'L1-ST04': a signal is '- device: <node id>', '- sensor: <topic>' or '- manual'",
        ], ignoreOrder: true);
    }

    [Fact]
    public void BadFile_StopsTheStartWithEveryProblem()
    {
        Write("""
            locations:
              L1-ST03:
                line: L1
            """);

        var failure = Should.Throw<InvalidConfigurationException>(() => new ServiceCollection().AddReplenishment(_dir));

        failure.Problems.ShouldContain("line-side.yaml:2:3: location 'L1-ST03': 'material' is required");
    }
}

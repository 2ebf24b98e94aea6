using Bridge.Host.Processes.Alerts;
using Bridge.Tests.Mappings;

namespace Bridge.Tests.Alerts;

/// <summary>alerts.yaml: the shipped file loads; every problem of a bad one is reported with file:line:column.</summary>
public sealed class StockAlertsFileLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bridge-alerts-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ShippedFile_Loads()
    {
        var (settings, errors) = StockAlertsFileLoader.Load(Path.Combine(RepoPaths.Config, StockAlertsFileLoader.FileName));

        errors.ShouldBeEmpty();
        settings.ExpiringWithinDays.ShouldBe(14);
        settings.SafetyStocks.ShouldContain(new SafetyStock("A-100", "WH-A", 100m, "pcs"));
    }

    [Fact]
    public void MissingFile_MeansTheDefaults() =>
        StockAlertsFileLoader.Load(Path.Combine(_dir, "alerts.yaml")).Settings.ShouldBe(StockAlertSettings.Default);

    [Fact]
    public void BadFile_ReportsEveryProblemWithLineAndColumn()
    {
        var path = Path.Combine(_dir, "alerts.yaml");
        File.WriteAllText(path, """
            cron: "every hour"
            expiringWithinDays: -3
            idleDays: 30
            safetyStock:
              - { material: A-100, quantity: lots, unit: pcs }
              - { material: A-100, quantity: 5, unit: pcs, bin: R-1 }
              - { quantity: 5 }
            """);

        var errors = StockAlertsFileLoader.Load(path).Errors.Select(e => e.ToString()).ToList();

        errors.ShouldBe(
        [
            "alerts.yaml:1:7: 'cron' must be a cron expression of 5 or 6 fields, not 'every hour'",
            "alerts.yaml:2:21: 'expiringWithinDays' must be a whole number of days from 1 to 3650, not '-3'",
            "alerts.yaml:3:1: unknown key 'idleDays'; expected one of cron, expiringWithinDays, idleForDays, safetyStock",
            "alerts.yaml:5:34: safety stock of 'A-100': 'quantity' must be a number > 0, not 'lots'",
            "alerts.yaml:6:48: safety stock: unknown key 'bin'; expected one of material, warehouse, quantity, unit",
            "alerts.yaml:6:5: safety stock of 'A-100' is given twice",
            "alerts.yaml:7:5: safety stock: 'material' is required",
            "alerts.yaml:7:5: safety stock of '': 'unit' is required",
        ]);
    }
}

namespace Bridge.Host.Domain.Kitting;

/// <summary>Converts a quantity of a material between units (kg ↔ g, box ↔ pcs with the material's pack size…).</summary>
public interface IUnitConverter
{
    /// <summary>False when no conversion between the two units is known for the material.</summary>
    bool TryConvert(string material, decimal quantity, string fromUnit, string toUnit, out decimal converted);
}

using Bridge.Mappings;

namespace Bridge.Host.Domain.Kitting;

/// <summary>
/// Unit conversion from config/units.yaml (through the current mapping set, so a hot-reloaded units table is used
/// at once), falling back to the SI families when the table does not know a unit.
/// </summary>
public sealed class MappingUnitConverter(MappingSetWatcher mappings) : IUnitConverter
{
    public bool TryConvert(string material, decimal quantity, string fromUnit, string toUnit, out decimal converted) =>
        mappings.Current.TryConvertUnit(quantity, fromUnit, toUnit, material, out converted)
        || StandardUnitConverter.Instance.TryConvert(material, quantity, fromUnit, toUnit, out converted);
}

using Bridge.Host.Domain.Kitting;
using Bridge.Mappings;

namespace Bridge.Host.Cli.Boms;

/// <summary>Units from one loaded units.yaml (no watching), falling back to the SI families.</summary>
internal sealed class MappingSetUnitConverter(MappingSet set) : IUnitConverter
{
    public bool TryConvert(string material, decimal quantity, string fromUnit, string toUnit, out decimal converted) =>
        set.TryConvertUnit(quantity, fromUnit, toUnit, material, out converted)
        || StandardUnitConverter.Instance.TryConvert(material, quantity, fromUnit, toUnit, out converted);
}

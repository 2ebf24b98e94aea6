namespace Bridge.Contracts;

/// <summary>
/// A message for the system that runs one warehouse (the WMS of a site): routing sends it only to the systems that
/// list <see cref="Warehouse"/> under <c>warehouses</c> in systems.yaml, not to every system that receives its type.
/// </summary>
public interface IWarehouseAddressed
{
    string Warehouse { get; }
}

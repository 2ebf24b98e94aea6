using Bridge.Host.Domain.Stock;
using Bridge.Host.Processes.Projections;

namespace Bridge.Tests.Stock;

public sealed class InMemoryStockOrderingTests : StockOrderingTests
{
    protected override Task<IStockView?> CreateAsync() => Task.FromResult<IStockView?>(new InMemoryStockView());
}

using Bridge.Host.Stock;

namespace Bridge.Tests.Stock;

public sealed class InMemoryStockOrderingTests : StockOrderingTests
{
    protected override Task<IStockView?> CreateAsync() => Task.FromResult<IStockView?>(new InMemoryStockView());
}

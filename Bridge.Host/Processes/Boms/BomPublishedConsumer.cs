using Bridge.Contracts.Messages;
using Bridge.Host.Domain.Boms;
using MassTransit;

namespace Bridge.Host.Processes.Boms;

/// <summary>
/// Stores a published BOM. One that would close a cycle with the BOMs already held is refused (the message faults to
/// the error queue with the cycle named), so the catalog every explosion reads stays acyclic.
/// </summary>
public sealed class BomPublishedConsumer(IBomStore boms) : IConsumer<BomPublished>
{
    public async Task Consume(ConsumeContext<BomPublished> context)
    {
        var bom = context.Message;
        var held = await boms.ListAsync(context.CancellationToken);
        PublishedBoms.ToCatalog(held.Where(b => b.Material != bom.Material).Append(bom));
        await boms.SaveAsync(bom, context.CancellationToken);
    }
}

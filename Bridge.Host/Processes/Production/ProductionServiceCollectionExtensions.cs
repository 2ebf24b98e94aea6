using Bridge.Host.Domain.Genealogy;

namespace Bridge.Host.Processes.Production;

public static class ProductionServiceCollectionExtensions
{
    /// <summary>What the production report consumer and the genealogy endpoints use (the store comes with the storage).</summary>
    public static IServiceCollection AddProduction(this IServiceCollection services) =>
        services.AddScoped<ProductionPostings>().AddScoped<GenealogyTrace>();
}

using Bridge.Faults.Mutations;
using Bridge.Tests.Mappings;

namespace Bridge.Tests.Faults;

/// <summary>R4's generator: one seed per shipped inbound mapping, reproducible payloads, every mutation used.</summary>
public sealed class PayloadMutatorTests
{
    private static readonly IReadOnlyList<MutationSeed> Seeds = MutationSeeds.Load(RepoPaths.Config);

    [Fact]
    public void EveryShippedInboundMapping_HasASeedThatMaps()
    {
        Seeds.Select(s => s.Mapping).ShouldBe(ShippedMappings.Set.Inbound.Select(m => m.Name).Order(StringComparer.Ordinal));
        Seeds.ShouldAllBe(s => s.Sample.Length > 0);
    }

    [Fact]
    public void APayload_IsTheSameBytesForTheSameSeedMappingAndIndex_AndAnotherForAnotherSeed()
    {
        var seed = Seeds.First(s => s.Format == "json");

        var first = new PayloadMutator(seed, 7).Take(50).ToList();
        var again = new PayloadMutator(seed, 7).Take(50).ToList();
        var other = new PayloadMutator(seed, 8).Take(50).ToList();

        again.Select(p => (p.Kind, Convert.ToHexString(p.Body), p.ContentType)).ShouldBe(first.Select(p => (p.Kind, Convert.ToHexString(p.Body), p.ContentType)));
        other.Select(p => Convert.ToHexString(p.Body)).ShouldNotBe(first.Select(p => Convert.ToHexString(p.Body)));
    }

    [Fact]
    public void EveryMutation_FitsSomeShippedFormat_AndChangesItsSample()
    {
        foreach (var mutation in PayloadMutator.Catalogue)
        {
            var seed = Seeds.FirstOrDefault(s => mutation.AppliesTo(s.Format));
            seed.ShouldNotBeNull($"no shipped mapping has a format '{mutation.Kind}' applies to");
            var changed = Enumerable.Range(0, 20).Select(i => mutation.Apply(new Random(i), seed)).Any(b => !b.AsSpan().SequenceEqual(seed.Sample));
            changed.ShouldBeTrue($"{mutation.Kind} left {seed.Mapping}'s sample as it was 20 times in a row");
        }
    }

    [Fact]
    public void DeepNesting_GoesFrom10kTo500kLevels()
    {
        var deep = PayloadMutator.Catalogue.Single(m => m.Kind == "deep-json-arrays");
        var sizes = Enumerable.Range(0, 200).Select(i => deep.Apply(new Random(i), Seeds[0]).Count(b => b == (byte)'[')).ToList();

        sizes.Min().ShouldBeGreaterThanOrEqualTo(NestingMutations.MinDepth);
        sizes.Max().ShouldBeLessThanOrEqualTo(NestingMutations.MaxDepth);
        sizes.Max().ShouldBeGreaterThan(250_000);
    }
}

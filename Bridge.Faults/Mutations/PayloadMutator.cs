using System.Text;

namespace Bridge.Faults.Mutations;

/// <summary>
/// Makes the broken payloads of one seed. Payload <c>n</c> of a (run seed, mapping) pair is always the same bytes,
/// so a finding is reproduced from the three numbers the report prints; every mutation that fits the format is
/// drawn about equally often, and one payload in eight is broken twice over.
/// </summary>
public sealed class PayloadMutator
{
    private static readonly string[] ContentTypes =
    [
        "application/json; charset=utf-16", "text/xml; charset=iso-8859-1", "text/plain; charset=nonsense", "application/octet-stream",
        "", "multipart/form-data; boundary=x", "application/json; charset=\"utf-8", "text/csv; charset=utf-7", "application/xml; charset=utf-32",
    ];

    private readonly MutationSeed _seed;
    private readonly int _runSeed;
    private readonly IReadOnlyList<Mutation> _mutations;

    public PayloadMutator(MutationSeed seed, int runSeed)
    {
        _seed = seed;
        _runSeed = runSeed;
        _mutations = Catalogue.Where(m => m.AppliesTo(seed.Format)).ToList();
    }

    /// <summary>Every mutation there is; each says which formats it fits.</summary>
    public static IReadOnlyList<Mutation> Catalogue { get; } =
    [
        .. ByteMutations.All, .. NestingMutations.All, .. JsonMutations.All, .. XmlMutations.All, .. CsvMutations.All, .. ScalarMutations.All,
    ];

    public IReadOnlyList<Mutation> Mutations => _mutations;

    public MutatedPayload Make(int index)
    {
        var random = new Random(StableSeed(index));
        var first = _mutations[random.Next(_mutations.Count)];
        var body = first.Apply(random, _seed);
        var kind = first.Kind;
        if (random.Next(8) == 0 && body.Length < 64 * 1024)
        {
            var second = _mutations[random.Next(_mutations.Count)];
            if (TryApply(second, random, _seed with { Sample = body }) is { } twice)
            {
                body = twice;
                kind += "+" + second.Kind;
            }
        }
        var contentType = _seed.ContentType;
        if (random.Next(16) == 0)
        {
            contentType = ContentTypes[random.Next(ContentTypes.Length)];
            kind += "+content-type";
        }
        return new MutatedPayload(index, kind, body, contentType);
    }

    /// <summary>A structural mutation may not be able to read what an earlier one broke (a twice-named key, a lone surrogate): then the payload stays broken once.</summary>
    private static byte[]? TryApply(Mutation mutation, Random random, MutationSeed broken)
    {
        try
        {
            return mutation.Apply(random, broken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or System.Text.Json.JsonException or System.Xml.XmlException)
        {
            return null;
        }
    }

    public IEnumerable<MutatedPayload> Take(int count)
    {
        for (var i = 0; i < count; i++) yield return Make(i);
    }

    /// <summary>FNV-1a over the run seed, the mapping's name and the index: stable across processes (string.GetHashCode is not).</summary>
    private int StableSeed(int index)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes($"{_runSeed}/{_seed.Mapping}/{index}"))
        {
            hash = (hash ^ b) * 16777619u;
        }
        return (int)(hash & 0x7FFFFFFF);
    }
}

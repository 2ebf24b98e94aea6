namespace Bridge.Tests.Orchestration.MaterialRequests.Soak;

/// <summary>
/// Random choices of the soak that do not depend on arrival order: one generator per (seed, key), built from a stable
/// hash (FNV-1a), so the same seed gives every request and every pick order the same fate in every run.
/// </summary>
internal static class SoakRandom
{
    public static Random For(int seed, string key)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return new Random((int)hash);
    }
}

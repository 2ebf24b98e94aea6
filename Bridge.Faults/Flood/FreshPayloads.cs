using System.Security.Cryptography;
using System.Text;
using Bridge.Faults.Mutations;

namespace Bridge.Faults.Flood;

/// <summary>
/// The mutations of one mapping that were never sent before in this run: two mutations can make the same bytes (an
/// empty body, a reading truncated to one digit), and the same bytes are the same message to Bridge (its id is derived
/// from them), so a later pass that sent them again would count Bridge's correct answer — the same id — as a duplicate.
/// </summary>
public sealed class FreshPayloads
{
    private readonly HashSet<string> _sent = new(StringComparer.Ordinal);

    /// <summary><paramref name="count"/> payloads from index <paramref name="from"/> on, skipping bytes already handed out (made lazily).</summary>
    public IEnumerable<MutatedPayload> Take(PayloadMutator mutator, int from, int count)
    {
        var taken = 0;
        for (var index = from; taken < count; index++)
        {
            var payload = mutator.Make(index);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(Encoding.UTF8.GetBytes(payload.ContentType + "\n"));
            hash.AppendData(payload.Body);
            if (!_sent.Add(Convert.ToHexString(hash.GetHashAndReset()))) continue;
            taken++;
            yield return payload;
        }
    }
}

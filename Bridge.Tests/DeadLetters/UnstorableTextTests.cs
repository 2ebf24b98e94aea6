using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bridge.Host.Demo;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.DeadLetters;

/// <summary>
/// Issue 13, point 13: PostgreSQL text refuses U+0000. A NUL in a mapped value, a mapping error's value or a dead
/// letter's metadata must never make the dead-letter insert fail: the letter is kept (body byte for byte in bytea,
/// NUL written as <c>\u0000</c> in text columns) and the caller gets a 4xx with its id. Real PostgreSQL, production mode.
/// </summary>
[Trait("Category", "Integration")]
public sealed class UnstorableTextTests() : RealStackHostTest("nul", "mes", "wms-a")
{
    [Fact]
    public async Task PostgresStore_KeepsALetterWithNulInEveryTextColumn()
    {
        if (Host is null)
        {
            return;
        }

        var store = Host.Services.GetRequiredService<IDeadLetterStore>();
        store.ShouldBeOfType<PostgresDeadLetterStore>();
        byte[] body = [0x7B, 0x00, 0xFF, 0x7D];
        var letter = new DeadLetter(Guid.NewGuid(), DateTimeOffset.UnixEpoch, "sys\0a", "type\0b", "map\0c", "text/plain\0",
            body, "value 'x\0y' refused", new Dictionary<string, string> { ["node\0id"] = "ns=2;s=\0" });

        await store.AddAsync(letter, CancellationToken.None);

        var kept = (await store.FindAsync(letter.Id, CancellationToken.None)).ShouldNotBeNull();
        kept.Body.ShouldBe(body);
        kept.System.ShouldBe("sys\\u0000a");
        kept.MessageType.ShouldBe("type\\u0000b");
        kept.Mapping.ShouldBe("map\\u0000c");
        kept.Reason.ShouldBe("value 'x\\u0000y' refused");
        kept.Metadata["node\\u0000id"].ShouldBe("ns=2;s=\\u0000");
    }

    /// <summary>Found by the fault suite's R4: a reason quoting a value cut inside an emoji made the insert throw (a 500, no letter).</summary>
    [Fact]
    public async Task PostgresStore_KeepsALetterWithHalfASurrogatePairInEveryTextColumn()
    {
        if (Host is null)
        {
            return;
        }

        var store = Host.Services.GetRequiredService<IDeadLetterStore>();
        var letter = new DeadLetter(Guid.NewGuid(), DateTimeOffset.UnixEpoch, "sys\ud800", "type\udc00", "map\ud83d", "text/plain",
            [0xED, 0xA0, 0x80], "value '📦\ud83d' refused", new Dictionary<string, string> { ["key\udfff"] = "v\ud800📦" });

        await store.AddAsync(letter, CancellationToken.None);

        var kept = (await store.FindAsync(letter.Id, CancellationToken.None)).ShouldNotBeNull();
        kept.System.ShouldBe("sys\\uD800");
        kept.MessageType.ShouldBe("type\\uDC00");
        kept.Mapping.ShouldBe("map\\uD83D");
        kept.Reason.ShouldBe("value '📦\\uD83D' refused");
        kept.Metadata["key\\uDFFF"].ShouldBe("v\\uD800📦");
    }

    /// <summary>Found by R4: a JSON escape of half a surrogate pair in a mapped id; refused by the mapping (the JSON reader cannot read it) with a 422 and a kept letter, never a 500.</summary>
    [Fact]
    public async Task HalfASurrogatePairInAMappedId_IsAnswered422WithTheDeadLetterKept()
    {
        if (Host is null)
        {
            return;
        }

        var payload = DemoPayloads.MaterialRequest("MR-SURROGATE-1", "000123", 10).Replace("MR-SURROGATE-1", "MR-\\ud800-1", StringComparison.Ordinal);

        var letter = await RefusedAndKeptAsync(payload);

        letter.Reason.ShouldStartWith("mes-material-request: field '(id)'");
        letter.Body.ShouldBe(Encoding.UTF8.GetBytes(payload));
    }

    [Fact]
    public async Task NulInAMappedId_IsAnswered422WithTheDeadLetterKept()
    {
        if (Host is null)
        {
            return;
        }

        var payload = DemoPayloads.MaterialRequest("MR-\0-1", "000123", 10);

        var letter = await RefusedAndKeptAsync(payload);

        letter.Reason.ShouldContain("NUL");
        letter.Body.ShouldBe(Encoding.UTF8.GetBytes(payload));
    }

    [Fact]
    public async Task NulInAValueTheMappingRefuses_IsAnswered422WithTheDeadLetterKept()
    {
        if (Host is null)
        {
            return;
        }

        var payload = JsonNode.Parse(DemoPayloads.MaterialRequest("MR-NUL-2", "000123", 10))!;
        payload["needBy"] = "tomorrow\0";

        var letter = await RefusedAndKeptAsync(payload.ToJsonString());

        letter.Reason.ShouldContain("\\u0000");
    }

    private async Task<DeadLetter> RefusedAndKeptAsync(string payload)
    {
        using var response = await Host!.PostAsync("mes", "material-request", payload);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, text);
        var id = Guid.Parse((string)JsonNode.Parse(text)!["deadLetterId"]!);
        return (await Host.Services.GetRequiredService<IDeadLetterStore>().FindAsync(id, CancellationToken.None)).ShouldNotBeNull();
    }
}

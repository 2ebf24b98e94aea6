using System.Diagnostics;
using System.Globalization;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;
using Bridge.Adapters.OpcUa.Stack.SecureChannel;
using Bridge.Adapters.OpcUa.Stack.Security;
using Bridge.Adapters.OpcUa.Stack.Subscriptions;
using Bridge.Adapters.OpcUa.Stack.Transport;

namespace Bridge.Benchmarks.OpcUa;

/// <summary>
/// --profile: where the CPU of a value goes on Bridge's receive path, without a server. Publish responses shaped like
/// the test server's (Double values with both timestamps, the given number per message) are cut into 64 KiB chunks,
/// secured when a policy is given, and fed through the stack's own pieces one stage at a time: the secure channel's
/// receiving half (verify, decrypt, reassemble), the PublishResponse decode (value changes included), and the
/// delivery steps of OpcUaSubscription (item lookup, duplicate filter, callback). Prints CPU ms and bytes allocated per
/// 10,000 values for each stage.
/// </summary>
internal static class ReceivePathProfile
{
    private const int ChunkSize = 65535;

    public static int Run(BenchmarkOptions options)
    {
        const int perMessage = 2_500;
        var items = options.Items;
        var security = Security(options);
        using var keys = security.DeriveKeys(Nonce, Nonce);
        // Each item gets 12 different values, more than the duplicate filter remembers, so every replayed value is new.
        var perRound = Math.Max(1, items / perMessage);
        var messages = Enumerable.Range(0, perRound * 12).Select(m => Chunks(Response((uint)(m / perRound) + 1, perMessage, items, m % perRound), security, keys, (uint)(m + 1))).ToList();
        var monitored = Enumerable.Range(0, items).Select(i => new MonitoredItem(new MonitoredItemRequest(NodeId.Parse("ns=1;s=Many.V" + i)), (uint)(i + 1))).ToDictionary(i => i.ClientHandle);
        long delivered = 0;
        var rounds = Math.Max(4, options.Seconds * 4);
        var stages = new (string Name, Stopwatch Time, long Bytes)[] { ("secure channel: verify, decrypt, reassemble", new(), 0), ("decode PublishResponse and its value changes", new(), 0), ("deliver: item lookup, duplicate filter, callback", new(), 0) };
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var values = 0L;
        for (var round = 0; round < rounds; round++)
        {
            for (var m = 0; m < messages.Count; m++)
            {
                var chunks = messages[m];
                var requestId = (uint)(m + 1);
                var body = Stage(stages, 0, () => Receive(security, chunks, keys, requestId));
                var response = Stage(stages, 1, () =>
                {
                    try
                    {
                        var decoder = new BinaryDecoder(body.Bytes);
                        decoder.ReadNodeId();
                        return PublishResponse.Decode(decoder);
                    }
                    finally
                    {
                        body.Release();
                    }
                });
                Stage(stages, 2, () =>
                {
                    foreach (var data in response.NotificationMessage.NotificationData)
                    {
                        if (data.TryDecodeBody<DataChangeNotification>(DecodingLimits.Default, out var change))
                        {
                            foreach (var notification in change!.MonitoredItems)
                            {
                                if (monitored.TryGetValue(notification.ClientHandle, out var item) && item.Accept(notification.Value))
                                {
                                    delivered++;
                                }
                            }
                        }
                    }
                    return 0;
                });
                values += perMessage;
            }
        }
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;
        var wall = stages.Sum(s => s.Time.Elapsed.TotalMilliseconds);
        Console.WriteLine($"Receive path profile: {values:N0} values in messages of {perMessage:N0}, {items:N0} items, security {options.Policy}{(options.Policy == "None" ? "" : "/" + options.Mode)}, {delivered:N0} delivered");
        Console.WriteLine("| stage | CPU ms per 10k values | bytes allocated per value |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, time, bytes) in stages)
        {
            // Stage wall time apportions the process CPU (GC included) between the stages.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {cpu * (time.Elapsed.TotalMilliseconds / wall) / values * 10_000:0.00} | {bytes / (double)values:0} |"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| total (process CPU, GC included) | {cpu / values * 10_000:0.00} | {stages.Sum(s => s.Bytes) / (double)values:0} |"));
        return 0;
    }

    private static readonly byte[] Nonce = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    private static T Stage<T>((string Name, Stopwatch Time, long Bytes)[] stages, int index, Func<T> work)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        stages[index].Time.Start();
        var result = work();
        stages[index].Time.Stop();
        stages[index].Bytes += GC.GetAllocatedBytesForCurrentThread() - before;
        return result;
    }

    private static IChannelSecurityPolicy Security(BenchmarkOptions options)
    {
        if (options.Policy == "None")
        {
            return SecurityPolicyNone.Instance;
        }
        var certificate = ApplicationCertificate.Create("urn:bridge:profile", "BridgeProfile", "localhost", DateTimeOffset.UtcNow.AddHours(-1), TimeSpan.FromDays(1));
        return new RsaSecurityPolicy(SecurityAlgorithms.ByName(options.Policy)!, Enum.Parse<MessageSecurityMode>(options.Mode), certificate, certificate.RawData);
    }

    private static ResponseBody Receive(IChannelSecurityPolicy security, List<byte[]> chunks, ChannelKeys? keys, uint requestId)
    {
        var router = Routers.GetValueOrDefault(security) ?? (Routers[security] = new ResponseRouter(security, () => new NegotiatedLimits(ChunkSize, ChunkSize, 0, 0, 16 << 20, 4096)));
        var waiter = new TaskCompletionSource<ResponseBody>();
        router.Expect(requestId, waiter);
        foreach (var chunk in chunks)
        {
            router.Handle(new MessageChunk(MessageTypes.Message, chunk[3], chunk), (uint _, out ChannelKeys? found) => { found = keys; return true; });
        }
        return waiter.Task.Result;
    }

    private static readonly Dictionary<IChannelSecurityPolicy, ResponseRouter> Routers = [];

    private static byte[] Response(uint tick, int count, int items, int offset)
    {
        var now = new DateTime(2026, 12, 1, 6, 0, 0, DateTimeKind.Utc);
        var change = new DataChangeNotification
        {
            MonitoredItems = [.. Enumerable.Range(0, count).Select(i => new MonitoredItemNotification
            {
                ClientHandle = (uint)((offset * count + i) % items) + 1,
                Value = new DataValue(Variant.From((double)tick)) { SourceTimestamp = now.AddMilliseconds(tick), ServerTimestamp = now.AddMilliseconds(tick) },
            })],
        };
        var encoder = new BinaryEncoder();
        encoder.WriteNodeId(new NodeId(PublishResponse.BinaryEncodingId));
        new PublishResponse
        {
            SubscriptionId = 1,
            NotificationMessage = new NotificationMessage { SequenceNumber = tick, PublishTime = now, NotificationData = [ExtensionObject.FromEncodeable(change)] },
        }.Encode(encoder);
        return encoder.ToArray();
    }

    /// <summary>The message cut into chunks as a server sends them: header, token id, sequence header, body part, secured.</summary>
    private static List<byte[]> Chunks(byte[] message, IChannelSecurityPolicy security, ChannelKeys? keys, uint requestId)
    {
        const int headerSize = 12 + 4 + 8;
        var maxBody = security.MaxBodySize(ChunkSize, headerSize, asymmetric: false);
        var chunks = new List<byte[]>();
        for (var at = 0; at < message.Length; at += maxBody)
        {
            var part = message.AsSpan(at, Math.Min(maxBody, message.Length - at));
            var encoder = new BinaryEncoder(headerSize + part.Length);
            encoder.WriteUInt32(MessageTypes.Message | ((uint)(at + maxBody >= message.Length ? MessageTypes.Final : MessageTypes.Intermediate) << 24));
            encoder.WriteUInt32(0);
            encoder.WriteUInt32(7);
            encoder.WriteUInt32(1);
            var securedFrom = encoder.Position;
            encoder.WriteUInt32(0);
            encoder.WriteUInt32(requestId);
            encoder.WriteRawBytes(part);
            encoder.PatchUInt32(4, (uint)encoder.Position);
            var plain = encoder.ToArray();
            chunks.Add(security.Protect(plain, plain.Length, securedFrom, keys, asymmetric: false).ToArray());
        }
        return chunks;
    }
}

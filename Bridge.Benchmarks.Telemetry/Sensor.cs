using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Bridge.Benchmarks.Telemetry;

/// <summary>
/// The simulated sensors, the same for (a) and (c): QoS 1 readings on Mosquitto (MQTT 3.1.1), at most
/// <see cref="Window"/> unacknowledged, the reading's value = its sequence number. It is the load generator, not a path
/// under test, so it costs as little as it can on the two cores it shares with the path: the PUBLISH packets are
/// encoded before the clock starts, written by one thread as many at a time as the window allows (one socket write for
/// many readings), and the PUBACKs are counted by another thread. <see cref="CpuNanoseconds"/> is the CPU of both
/// threads, so a run can say what the sensors cost apart from the path.
/// </summary>
internal sealed class Sensor : IDisposable
{
    private const int Window = 500;
    private readonly Socket _socket;
    private long _cpuNs;

    private Sensor(Socket socket) => _socket = socket;

    /// <summary>CPU of the sensor's threads over every <see cref="Publish"/> so far.</summary>
    public long CpuNanoseconds => Interlocked.Read(ref _cpuNs);

    public static Sensor Connect(string host, int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Connect(host, port);
        var clientId = Encoding.ASCII.GetBytes("bench-sensor-" + Guid.NewGuid().ToString("N")[..6]);
        // CONNECT: protocol "MQTT" level 4, clean session, keep-alive 0 (off: no PINGREQ to interleave), client id.
        var connect = new List<byte> { 0x10, (byte)(12 + clientId.Length), 0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 4, 0x02, 0, 0, 0, (byte)clientId.Length };
        connect.AddRange(clientId);
        socket.Send(connect.ToArray());
        var connack = new byte[4];
        ReceiveExactly(socket, connack);
        if (connack[0] != 0x20 || connack[3] != 0)
            throw new InvalidOperationException($"the broker refused the sensor's connection (CONNACK {Convert.ToHexString(connack)})");
        return new Sensor(socket);
    }

    /// <summary>PUBLISH packets (QoS 1) of readings 0…count-1 to <c>plant/BER/line/L1/bin/B{i % 50}/level</c>, one after another.</summary>
    public static Readings Encode(int count)
    {
        var bytes = new List<byte>(count * 40);
        var offsets = new int[count + 1];
        for (var i = 0; i < count; i++)
        {
            offsets[i] = bytes.Count;
            var topic = Encoding.ASCII.GetBytes($"plant/BER/line/L1/bin/B{i % 50}/level");
            var payload = Encoding.ASCII.GetBytes(i.ToString(CultureInfo.InvariantCulture));
            var packetId = (ushort)(i % 65535 + 1);
            bytes.Add(0x32);
            var remaining = 2 + topic.Length + 2 + payload.Length;
            do
            {
                var digit = (byte)(remaining % 128);
                remaining /= 128;
                bytes.Add(remaining > 0 ? (byte)(digit | 0x80) : digit);
            }
            while (remaining > 0);
            bytes.Add((byte)(topic.Length >> 8));
            bytes.Add((byte)topic.Length);
            bytes.AddRange(topic);
            bytes.Add((byte)(packetId >> 8));
            bytes.Add((byte)packetId);
            bytes.AddRange(payload);
        }

        offsets[count] = bytes.Count;
        return new Readings(bytes.ToArray(), offsets);
    }

    /// <summary>
    /// Publishes <paramref name="readings"/> at <paramref name="rate"/> (0: as fast as the window allows), noting when
    /// each left; completes once the broker acknowledged every one.
    /// </summary>
    public Task Publish(Readings readings, double rate, long[] sentAt)
    {
        var count = readings.Count;
        var acked = 0;
        var room = new SemaphoreSlim(0);
        var writer = new Thread(() =>
        {
            var cpu = ThreadCpu.Nanoseconds();
            var clock = Stopwatch.StartNew();
            var sent = 0;
            while (sent < count)
            {
                while (sent - Volatile.Read(ref acked) >= Window)
                    room.Wait();
                var end = Math.Min(count, Volatile.Read(ref acked) + Window);
                if (rate > 0)
                {
                    var due = TimeSpan.FromSeconds(sent / rate);
                    if (due > clock.Elapsed)
                        Thread.Sleep(due - clock.Elapsed);
                    // Everything due by now goes in one write.
                    end = Math.Min(end, Math.Max(sent + 1, (int)(clock.Elapsed.TotalSeconds * rate) + 1));
                }

                var now = Stopwatch.GetTimestamp();
                for (var i = sent; i < end; i++)
                    sentAt[i] = now;
                _socket.Send(readings.Bytes.AsSpan(readings.Offsets[sent], readings.Offsets[end] - readings.Offsets[sent]));
                sent = end;
            }

            Interlocked.Add(ref _cpuNs, ThreadCpu.Nanoseconds() - cpu);
        }) { IsBackground = true, Name = "sensor-publish" };
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = new Thread(() =>
        {
            var cpu = ThreadCpu.Nanoseconds();
            try
            {
                var buffer = new byte[64 * 1024];
                var held = 0;
                while (Volatile.Read(ref acked) < count)
                {
                    var read = _socket.Receive(buffer.AsSpan(held));
                    if (read == 0)
                        throw new InvalidOperationException("the broker closed the sensor's connection");
                    held += read;
                    var at = 0;
                    var n = 0;
                    // Every packet the broker sends the sensor here is a PUBACK: 0x40 0x02 and the packet id.
                    for (; held - at >= 4; at += 4, n++)
                    {
                        if (buffer[at] != 0x40 || buffer[at + 1] != 2)
                            throw new InvalidOperationException($"the sensor expected a PUBACK, got packet type 0x{buffer[at]:X2}");
                    }

                    buffer.AsSpan(at, held - at).CopyTo(buffer);
                    held -= at;
                    Interlocked.Add(ref acked, n);
                    room.Release();
                }

                done.TrySetResult();
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }

            Interlocked.Add(ref _cpuNs, ThreadCpu.Nanoseconds() - cpu);
        }) { IsBackground = true, Name = "sensor-acks" };
        reader.Start();
        writer.Start();
        return done.Task;
    }

    public void Dispose()
    {
        try
        {
            _socket.Send([0xE0, 0x00]);
        }
        catch (SocketException)
        {
        }

        _socket.Dispose();
    }

    private static void ReceiveExactly(Socket socket, Span<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            var read = socket.Receive(buffer);
            if (read == 0)
                throw new InvalidOperationException("the broker closed the sensor's connection");
            buffer = buffer[read..];
        }
    }

    /// <summary>Encoded PUBLISH packets back to back; reading i is <c>Bytes[Offsets[i]..Offsets[i + 1]]</c>.</summary>
    internal sealed record Readings(byte[] Bytes, int[] Offsets)
    {
        public int Count => Offsets.Length - 1;
    }
}

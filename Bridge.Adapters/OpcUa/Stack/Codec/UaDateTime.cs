namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>
/// OPC UA DateTime: 100 ns intervals since 1601-01-01 UTC (Part 6, 5.2.2.5). 0 and values before 1601 stand
/// for "no time" (DateTime.MinValue); Int64.MaxValue and anything past 9999 stand for DateTime.MaxValue.
/// </summary>
public static class UaDateTime
{
    private static readonly long EpochTicks = new DateTime(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    public static long ToTicks(DateTime value)
    {
        if (value == DateTime.MinValue)
        {
            return 0;
        }
        if (value == DateTime.MaxValue)
        {
            return long.MaxValue;
        }
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        return utc.Ticks < EpochTicks ? 0 : utc.Ticks - EpochTicks;
    }

    public static DateTime FromTicks(long value)
    {
        if (value <= 0)
        {
            return DateTime.MinValue;
        }
        if (value >= DateTime.MaxValue.Ticks - EpochTicks)
        {
            return DateTime.MaxValue;
        }
        return new DateTime(value + EpochTicks, DateTimeKind.Utc);
    }
}

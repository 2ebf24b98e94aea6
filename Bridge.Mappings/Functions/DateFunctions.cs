using System.Globalization;
using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Functions;

/// <summary>
/// Date/time parsing with explicit formats and time zones; results are always UTC. A value without an
/// offset is an error unless a time zone is given, so local times never slip through as UTC.
/// </summary>
internal static class DateFunctions
{
    private static readonly ExprType[] DateArgs = [ExprType.DateTime, ExprType.Number];

    public static void Register(Action<FunctionDef> add)
    {
        add(new FunctionDef("datetime", "datetime(text, format?, timezone?) e.g. datetime(d, 'yyyyMMddHHmmss', 'Europe/Berlin')", 1, 3, ExprType.DateTime, ParseDateTime));
        add(new FunctionDef("utc", "utc(text, format?, timezone?)", 1, 3, ExprType.DateTime, ParseDateTime));
        add(new FunctionDef("date", "date(text, format?) e.g. date(d, 'dd.MM.yyyy')", 1, 2, ExprType.Date, ParseDate));
        add(new FunctionDef("now", "now()", 0, 0, ExprType.DateTime, _ => c => c.Time.GetUtcNow()));
        add(new FunctionDef("formatDate", "formatDate(datetime, format, timezone?)", 2, 3, ExprType.String, FormatDate));
        add(new FunctionDef("addDays", "addDays(datetime, days)", 2, 2, ExprType.DateTime, site =>
        {
            var (value, days) = (site.Args[0].Eval, NumberFunctions.Number(site, 1));
            var text = site.ArgText(0);
            return c => value(c) is { } v && days(c) is decimal d ? Values.ToDateTime(v, text).AddDays((double)d) : null;
        }, ArgTypes: DateArgs));
        add(new FunctionDef("addHours", "addHours(datetime, hours)", 2, 2, ExprType.DateTime, site =>
        {
            var (value, hours) = (site.Args[0].Eval, NumberFunctions.Number(site, 1));
            var text = site.ArgText(0);
            return c => value(c) is { } v && hours(c) is decimal h ? Values.ToDateTime(v, text).AddHours((double)h) : null;
        }, ArgTypes: DateArgs));
    }

    private static Func<EvalContext, object?> ParseDateTime(CallSite site)
    {
        var arg = site.Args[0].Eval;
        var source = site.ArgText(0);
        var format = site.Args.Length > 1 ? ConstantText(site, 1, "format") : null;
        var zoneOf = site.Args.Length > 2 ? ResolveZone(site, 2) : null;
        if (format is "iso" or "") format = null; // ISO 8601, offset optional when a time zone is given
        if (format is not null) CheckFormat(site, 1, format);
        var formatHasTime = format is null || format.Contains('H') || format.Contains('h');
        return c =>
        {
            var value = arg(c);
            if (value is DateTimeOffset dto) return dto.ToUniversalTime();
            if (Values.IsMissing(value)) return null;
            var zone = zoneOf?.Invoke(c);
            var text = Values.ToText(value)!.Trim();
            if (format is null && zone is null) return Values.ToDateTime(text, source);
            var styles = DateTimeStyles.RoundtripKind;
            var parsed = format is null
                ? DateTime.TryParse(text, CultureInfo.InvariantCulture, styles, out var dt)
                : DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, styles, out dt);
            if (!parsed)
            {
                throw new MappingRuntimeException(format is null ? $"expected a date/time, got '{ValueText.Show(text)}'" : $"expected a date/time in the format '{format}', got '{ValueText.Show(text)}'", source, text);
            }
            if (dt.Kind != DateTimeKind.Unspecified)
            {
                return (format is null
                    ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture)
                    : DateTimeOffset.ParseExact(text, format, CultureInfo.InvariantCulture)).ToUniversalTime();
            }
            if (zone is null)
            {
                throw new MappingRuntimeException($"'{text}' has no UTC offset and no time zone was given; add the time zone, e.g. datetime(x, '{format}', 'Europe/Berlin')", source, text);
            }
            if (zone.IsInvalidTime(dt))
            {
                throw new MappingRuntimeException($"'{text}' does not exist in time zone '{zone.Id}' (skipped by a daylight-saving change)", source, text);
            }
            if (!formatHasTime || format is null && text.Length <= 10)
            {
                c.Warn($"'{text}' ({source}) has no time of day; read as midnight in {zone.Id}");
            }
            return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(dt, zone), TimeSpan.Zero);
        };
    }

    private static Func<EvalContext, object?> ParseDate(CallSite site)
    {
        var arg = site.Args[0].Eval;
        var source = site.ArgText(0);
        var format = site.Args.Length > 1 ? ConstantText(site, 1, "format") : "yyyy-MM-dd";
        if (format is not null) CheckFormat(site, 1, format);
        return c =>
        {
            var value = arg(c);
            switch (value)
            {
                case DateOnly d:
                    return d;
                case DateTimeOffset t:
                    return DateOnly.FromDateTime(t.UtcDateTime);
            }
            if (Values.IsMissing(value)) return null;
            var text = Values.ToText(value)!.Trim();
            if (DateOnly.TryParseExact(text, format!, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            throw new MappingRuntimeException($"expected a date in the format '{format}', got '{ValueText.Show(text)}'", source, text);
        };
    }

    private static Func<EvalContext, object?> FormatDate(CallSite site)
    {
        var arg = site.Args[0].Eval;
        var source = site.ArgText(0);
        var format = ConstantText(site, 1, "format") ?? "o";
        CheckFormat(site, 1, format);
        var zoneOf = site.Args.Length > 2 ? ResolveZone(site, 2) : null;
        return c =>
        {
            var value = arg(c);
            if (Values.IsMissing(value)) return null;
            if (value is DateOnly d) return d.ToString(format, CultureInfo.InvariantCulture);
            var zone = zoneOf?.Invoke(c);
            var utc = Values.ToDateTime(value, source);
            var local = zone is null ? utc : TimeZoneInfo.ConvertTime(utc, zone);
            return local.ToString(format, CultureInfo.InvariantCulture);
        };
    }

    private static string? ConstantText(CallSite site, int index, string what)
    {
        if (site.Args[index] is { IsConstant: true, Constant: string text }) return text;
        site.ErrorAt(index, $"{site.Name}() takes its {what} as a quoted literal, e.g. {site.Name}(x, 'yyyy-MM-dd')");
        return null;
    }

    private static void CheckFormat(CallSite site, int index, string format)
    {
        try
        {
            _ = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Unspecified).ToString(format, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            site.ErrorAt(index, $"invalid date/time format '{format}' (.NET custom format: yyyy MM dd HH mm ss fff zzz)");
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeZoneInfo?> Zones = new(StringComparer.Ordinal);

    /// <summary>
    /// The time zone argument: a quoted IANA id is checked at load; any other expression (a variable, a lookup in a
    /// table of plant zones) is resolved per value, and an unknown id is a mapping error naming it.
    /// </summary>
    private static Func<EvalContext, TimeZoneInfo?>? ResolveZone(CallSite site, int index)
    {
        if (site.Args[index] is { IsConstant: true, Constant: string id })
        {
            var zone = FindZone(id);
            if (zone is null) site.ErrorAt(index, $"unknown time zone '{id}'; expected an IANA id such as 'Europe/Berlin' or 'Asia/Shanghai'");
            return _ => zone;
        }
        var value = site.Args[index].Eval;
        var source = site.ArgText(index);
        return c =>
        {
            if (Values.ToText(value(c))?.Trim() is not { Length: > 0 } name)
            {
                throw new MappingRuntimeException($"the time zone '{source}' is missing", source);
            }
            return FindZone(name) ?? throw new MappingRuntimeException($"unknown time zone '{name}' (from {source}); expected an IANA id such as 'Europe/Berlin' or 'Asia/Shanghai'", source, name);
        };
    }

    private static TimeZoneInfo? FindZone(string id) => Zones.GetOrAdd(id, static name =>
    {
        if (name.Equals("UTC", StringComparison.OrdinalIgnoreCase)) return TimeZoneInfo.Utc;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    });
}

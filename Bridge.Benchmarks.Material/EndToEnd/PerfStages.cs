using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>
/// The host's CPU by component and by stage, from a <see cref="PerfRecorder"/> file (<c>perf script</c>'s stacks).
/// A sample belongs to the frame nearest its leaf that a rule names, generic runtime frames (tasks, threading,
/// collections, strings) skipped: "component" is the library or part of Bridge whose code runs, "stage" the part of
/// Bridge's work it runs for (the nearest Bridge frame; an async continuation's stack starts where it resumed, so a
/// stage is the code that awaited, not the whole logical call). Kernel and runtime (libcoreclr: GC, allocation,
/// type checks) samples go to the managed code that called them, and are counted apart beside it.
/// </summary>
internal static partial class PerfStages
{
    private static readonly (string Prefix, string Name)[] Components =
    [
        ("Serilog.", "logging (Serilog, ILogger)"),
        ("Microsoft.Extensions.Logging", "logging (Serilog, ILogger)"),
        ("OpenTelemetry.", "metrics (OpenTelemetry, meters)"),
        ("System.Diagnostics.Metrics", "metrics (OpenTelemetry, meters)"),
        ("Bridge.Host.Infrastructure.Telemetry", "metrics (OpenTelemetry, meters)"),
        ("System.Diagnostics.Activity", "tracing (Activity)"),
        ("System.Diagnostics.DiagnosticListener", "tracing (Activity)"),
        ("System.Text.Json", "JSON (System.Text.Json, MassTransit serializer)"),
        ("MassTransit.Serialization", "JSON (System.Text.Json, MassTransit serializer)"),
        ("System.Security.Cryptography", "hashing (SHA-256: audit chain, ids)"),
        ("Npgsql", "Npgsql"),
        ("Hangfire", "Hangfire (polling, jobs)"),
        ("RabbitMQ.Client", "RabbitMQ client + MassTransit's transport"),
        ("MassTransit.RabbitMqTransport", "RabbitMQ client + MassTransit's transport"),
        ("Microsoft.AspNetCore", "HTTP server (Kestrel, ASP.NET Core)"),
        ("System.Net.Http", "HTTP client (HttpClient, Polly)"),
        ("Polly", "HTTP client (HttpClient, Polly)"),
        ("Microsoft.Extensions.Http", "HTTP client (HttpClient, Polly)"),
        ("System.Net.", "sockets (System.Net)"),
        ("Bridge.Mappings", "mapping engine"),
        ("MassTransit.SagaStateMachine", "MassTransit state machine"),
        ("MassTransit.MassTransitStateMachine", "MassTransit state machine"),
        ("MassTransit.", "MassTransit pipeline (filters, context, send, outbox)"),
        ("Microsoft.Extensions.DependencyInjection", "dependency injection (scopes)"),
        ("Bridge.", "Bridge's own frames"),
        ("Microsoft.", "other Microsoft.*"),
    ];

    private static readonly (string Prefix, string Name)[] Stages =
    [
        ("Bridge.Host.Infrastructure.Messaging.PostgresOutbox", "consume: inbox, consumer outbox, its delivery"),
        ("Bridge.Host.Infrastructure.Messaging.InboxKey", "consume: inbox, consumer outbox, its delivery"),
        ("Bridge.Host.Infrastructure.Messaging.OutboxMessageRow", "consume: inbox, consumer outbox, its delivery"),
        ("Bridge.Host.Infrastructure.Storage.PostgresUnitOfWork", "consume: unit of work (commit)"),
        ("Bridge.Host.Infrastructure.Storage.Sagas", "saga repository (load, state JSON, store)"),
        ("Bridge.Host.Infrastructure.Messaging.InboundOutboxRelay", "inbound relay (outbox rows → RabbitMQ)"),
        ("Bridge.Host.Infrastructure.Messaging.PostgresInboundPublisher", "inbound relay (outbox rows → RabbitMQ)"),
        ("Bridge.Host.Infrastructure.Messaging.InboundMessageSerializer", "HTTP in (inbound endpoint, accept)"),
        ("Bridge.Host.Pipeline.Inbound", "HTTP in (inbound endpoint, accept)"),
        ("Bridge.Host.Pipeline.Outbound", "HTTP out (outbound dispatch, delivery log)"),
        ("Bridge.Adapters.Http", "HTTP out (outbound dispatch, delivery log)"),
        ("Bridge.Mappings", "mapping engine"),
        ("Bridge.Host.Infrastructure.Audit", "audit chain"),
        ("Bridge.Host.Infrastructure.Scheduling", "stored schedules"),
        ("Bridge.Host.Infrastructure.Telemetry", "metrics"),
        ("Bridge.Host.Domain.Stock", "stock view"),
        ("Bridge.Host.Processes", "sagas' and consumers' own logic"),
        ("Bridge.Host.Domain", "domain stores (orders, line side, genealogy)"),
        ("Bridge.Benchmarks", "the benchmark's observers"),
        ("Bridge.", "other Bridge"),
    ];

    private static readonly (string Prefix, string Name)[] StagesWithoutBridge =
    [
        ("Hangfire", "Hangfire (polling, jobs)"),
        ("Microsoft.AspNetCore", "no Bridge frame: HTTP server"),
        ("System.Net.Http", "no Bridge frame: HTTP client"),
        ("MassTransit.", "no Bridge frame: MassTransit (receive, dispatch, send)"),
        ("RabbitMQ.Client", "no Bridge frame: MassTransit (receive, dispatch, send)"),
        ("Npgsql", "no Bridge frame: Npgsql"),
    ];

    public static async Task<IReadOnlyList<string>> ReportAsync(string perfFile, double hostMsPerRequest)
    {
        var start = new ProcessStartInfo("perf") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "script", "-i", perfFile, "-F", "comm,ip,sym,dso" })
        {
            start.ArgumentList.Add(argument);
        }

        using var perf = Process.Start(start) ?? throw new InvalidOperationException("perf script did not start");
        var errors = perf.StandardError.ReadToEndAsync();
        var samples = await ReadSamplesAsync(perf.StandardOutput);
        await perf.WaitForExitAsync();
        _ = await errors;

        var lines = new List<string>
        {
            Invariant($"      {samples.Count} samples (997 Hz); share of the host's CPU · ms per request (of the host's {hostMsPerRequest:0.0}) · of it in the kernel · in the runtime (libcoreclr: GC, allocation, casts)"),
            "      by component (the code that runs):",
        };
        lines.AddRange(Table(samples, s => s.Component, hostMsPerRequest, top: 22));
        lines.Add("      by stage (the part of Bridge's work it runs for):");
        lines.AddRange(Table(samples, s => s.Stage, hostMsPerRequest, top: 22));
        return lines;
    }

    private static IEnumerable<string> Table(List<Sample> samples, Func<Sample, string> key, double hostMsPerRequest, int top)
    {
        var total = Math.Max(1, samples.Count);
        foreach (var group in samples.GroupBy(key).OrderByDescending(g => g.Count()).Take(top))
        {
            var n = group.Count();
            var kernel = group.Count(s => s.Leaf == Leaf.Kernel) / (double)total;
            var runtime = group.Count(s => s.Leaf == Leaf.Runtime) / (double)total;
            yield return Invariant($"      {n / (double)total,6:P1} {n * hostMsPerRequest / total,6:0.00} ms  kernel {kernel,5:P1} runtime {runtime,5:P1}  {group.Key}");
        }
    }

    private static async Task<List<Sample>> ReadSamplesAsync(StreamReader output)
    {
        var samples = new List<Sample>();
        string? thread = null;
        var frames = new List<string>();
        while (await output.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                if (thread is not null)
                {
                    samples.Add(Classify(thread, frames));
                }

                thread = null;
                frames.Clear();
            }
            else if (!char.IsWhiteSpace(line[0]))
            {
                thread = line.Trim();
            }
            else
            {
                frames.Add(line.Trim());
            }
        }

        if (thread is not null)
        {
            samples.Add(Classify(thread, frames));
        }

        return samples;
    }

    private static Sample Classify(string thread, List<string> frames)
    {
        var leafFrame = frames.Count > 0 ? frames[0] : "";
        var leaf = leafFrame.Contains("[kernel.kallsyms]", StringComparison.Ordinal) ? Leaf.Kernel
            : leafFrame.Contains("libcoreclr.so", StringComparison.Ordinal) || leafFrame.Contains("libclrgc", StringComparison.Ordinal) ? Leaf.Runtime
            : Leaf.Other;
        string? component = null;
        string? stage = null;
        foreach (var frame in frames)
        {
            if (ManagedName(frame) is not { } name)
            {
                continue;
            }

            component ??= Match(Components, name);
            stage ??= Match(Stages, name);
            if (component is not null && stage is not null)
            {
                break;
            }
        }

        stage ??= frames.Select(ManagedName).OfType<string>().Select(name => Match(StagesWithoutBridge, name)).FirstOrDefault(name => name is not null);
        component ??= Unmanaged(thread, frames);
        return new Sample(component, stage ?? "no Bridge frame: " + component, leaf);
    }

    private static string? Match((string Prefix, string Name)[] rules, string name)
    {
        foreach (var (prefix, rule) in rules)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>A sample without a managed frame a rule names: the JIT, the GC's threads, or a system call whose managed
    /// caller the frame-pointer unwinder lost (libc's send and recv keep no frame pointer).</summary>
    private static string Unmanaged(string thread, List<string> frames)
    {
        bool Has(string text) => frames.Exists(f => f.Contains(text, StringComparison.Ordinal));
        return thread switch
        {
            _ when thread.StartsWith(".NET Tiered", StringComparison.Ordinal) || Has("libclrjit.so") => "JIT (tiered compilation)",
            _ when thread.StartsWith(".NET BGC", StringComparison.Ordinal) || thread.StartsWith(".NET Server GC", StringComparison.Ordinal) => "runtime without a managed caller (GC threads, stubs)",
            _ when Has("sendto") || Has("__send") || Has("sendmsg") => "socket send, caller not unwound (Npgsql, RabbitMQ, HTTP)",
            _ when Has("recvfrom") || Has("__libc_recv") || Has("recvmsg") => "socket receive, caller not unwound",
            _ when Has("epoll_wait") => "socket engine (epoll)",
            _ when Has("futex") || Has("sched_yield") || Has("pthread_cond") => "thread waits and wake-ups (futex)",
            _ when Has("libcoreclr.so") => "runtime without a managed caller (GC threads, stubs)",
            _ => "other native",
        };
    }

    /// <summary>"Namespace.Type::Method" of a perf-map frame (<c>[Assembly] Namespace.Type::Method(...)</c>).</summary>
    private static string? ManagedName(string frame)
    {
        var match = ManagedFrame().Match(frame);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"\[[\w.]+\] ([\w.`+<>|\-]+(?:\[[^\]]*\])?[\w.`+<>|\-]*::)")]
    private static partial Regex ManagedFrame();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private enum Leaf
    {
        Other,
        Kernel,
        Runtime,
    }

    private sealed record Sample(string Component, string Stage, Leaf Leaf);
}

using Bridge.Tests.Integration;
using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Host.Pipeline.Outbound;
using Bridge.Tests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Pipeline;

/// <summary>
/// Issue 13 point 7 (tail) on RabbitMQ + PostgreSQL: after the adapter's own retries, a system that did not take a
/// message is re-attempted on a durable Hangfire schedule (fired explicitly here, never waited out) that survives a
/// host restart, and when the schedule is spent the pair becomes one dead letter an operator can replay. A second
/// system that took the message is never called again.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OutboundRetryScheduleTests : IDisposable
{
    private readonly string _config = TestConfig.CopyShipped();

    public void Dispose() => Directory.Delete(_config, recursive: true);

    [Fact]
    public async Task ReceiverFailingTwice_IsDeliveredExactlyOnce_OnTheSchedule()
    {
        if (TestServers.Postgres is null || TestServers.RabbitMq is null)
            return;
        var mes = new OutboundProbeSender();
        var wms = new OutboundProbeSender { FailFirst = 2 };
        await using var app = await OutboundTestHost.StartAsync(_config, mes, wms,
            await TestServers.CreateDatabaseAsync("retry"), await TestServers.CreateVirtualHostAsync("retry"));
        var delivered = Delivered();

        await app.Services.GetRequiredService<IBus>().Publish(delivered);
        await OutboundTestHost.WaitForAsync(() => wms.Calls.Count == 1, "the first delivery reaches wms-a");
        (await OutboundTestHost.FireNextRetryAsync(app)).ShouldBeTrue("re-attempt 1 scheduled");
        (await OutboundTestHost.FireNextRetryAsync(app)).ShouldBeTrue("re-attempt 2 scheduled");

        wms.Calls.Count.ShouldBe(3);
        wms.Accepted.ShouldHaveSingleItem().IdempotencyKey.ShouldBe($"{delivered.MessageId:N}-wms-a");
        mes.Calls.ShouldHaveSingleItem();
        (await OutboundTestHost.FireNextRetryAsync(app)).ShouldBeFalse("nothing is scheduled once every system has its copy");
        (await app.Services.GetRequiredService<IDeadLetterStore>().ListAsync(10, true, CancellationToken.None)).ShouldBeEmpty();
        await app.StopAsync();
    }

    [Fact]
    public async Task HostStoppedDuringTheRetryWait_ANewHostCompletesTheDelivery()
    {
        if (TestServers.Postgres is null || TestServers.RabbitMq is null)
            return;
        var database = await TestServers.CreateDatabaseAsync("retry-restart");
        var virtualHost = await TestServers.CreateVirtualHostAsync("retry-restart");
        var mes = new OutboundProbeSender();
        var wmsDown = new OutboundProbeSender { Failure = new HttpRequestException("503 Service Unavailable") };
        var delivered = Delivered();
        await using (var first = await OutboundTestHost.StartAsync(_config, mes, wmsDown, database, virtualHost))
        {
            await first.Services.GetRequiredService<IBus>().Publish(delivered);
            await OutboundTestHost.WaitForAsync(() => wmsDown.Calls.Count == 1, "the first delivery reaches wms-a");
            await OutboundTestHost.WaitForAsync(() => ScheduledRetries(first) == 1, "the re-attempt is on the schedule");
            await first.StopAsync();
        }

        var mesAfter = new OutboundProbeSender();
        var wmsBack = new OutboundProbeSender();
        await using var second = await OutboundTestHost.StartAsync(_config, mesAfter, wmsBack, database, virtualHost);
        (await OutboundTestHost.FireNextRetryAsync(second)).ShouldBeTrue("the schedule survived the restart");

        wmsBack.Accepted.ShouldHaveSingleItem().IdempotencyKey.ShouldBe($"{delivered.MessageId:N}-wms-a");
        mes.Calls.ShouldHaveSingleItem();
        mesAfter.Calls.ShouldBeEmpty("mes took the message before the restart");
        await second.StopAsync();
    }

    [Fact]
    public async Task ReceiverNeverRecovering_BecomesOneDeadLetterWithReason_ThatAReplayDelivers()
    {
        if (TestServers.Postgres is null || TestServers.RabbitMq is null)
            return;
        var mes = new OutboundProbeSender();
        var wms = new OutboundProbeSender { Failure = new HttpRequestException("503 Service Unavailable") };
        await using var app = await OutboundTestHost.StartAsync(_config, mes, wms,
            await TestServers.CreateDatabaseAsync("retry-dead"), await TestServers.CreateVirtualHostAsync("retry-dead"));
        var delivered = Delivered();

        await app.Services.GetRequiredService<IBus>().Publish(delivered);
        await OutboundTestHost.WaitForAsync(() => wms.Calls.Count == 1, "the first delivery reaches wms-a");
        for (var attempt = 1; attempt <= 3; attempt++)
            (await OutboundTestHost.FireNextRetryAsync(app)).ShouldBeTrue($"re-attempt {attempt} scheduled");
        (await OutboundTestHost.FireNextRetryAsync(app)).ShouldBeFalse("the schedule has three re-attempts");

        wms.Calls.Count.ShouldBe(4);
        mes.Calls.ShouldHaveSingleItem();
        var store = app.Services.GetRequiredService<IDeadLetterStore>();
        var letter = (await store.ListAsync(10, false, CancellationToken.None)).ShouldHaveSingleItem();
        letter.System.ShouldBe("wms-a");
        letter.MessageType.ShouldBe(nameof(MaterialDelivered));
        letter.Reason.ShouldContain("503 Service Unavailable");
        letter.Reason.ShouldContain("4 attempts");
        letter.Body.ShouldBe(wms.Calls.Last().Body.ToArray(), "the body rendered for wms-a");

        wms.Failure = null;
        // An administrator replays it as any dead letter: the endpoint sees it is outbound and sends it to wms-a again.
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) }.AsAdministrator();
        using var replayed = await http.PostAsync($"/api/dead-letters/{letter.Id}/replay", null);
        replayed.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await replayed.Content.ReadAsStringAsync());
        wms.Accepted.ShouldHaveSingleItem().IdempotencyKey.ShouldBe($"{delivered.MessageId:N}-wms-a");
        mes.Calls.ShouldHaveSingleItem("a replay goes only to the system of the dead letter");
        (await store.ListAsync(10, false, CancellationToken.None)).ShouldBeEmpty("the replayed letter is marked");
        await app.StopAsync();
    }

    private static long ScheduledRetries(Microsoft.AspNetCore.Builder.WebApplication app) =>
        app.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().ScheduledCount();

    private static MaterialDelivered Delivered() => new()
    {
        MessageId = Guid.NewGuid(),
        CorrelationId = "MR-8",
        Source = "bridge",
        OccurredAt = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero),
        RequestId = "MR-8",
        OrderId = "PO-1",
        Location = "ST-1",
        Lines = [new MaterialLine { Material = "M-1", Quantity = 2, Unit = "pce" }],
    };
}

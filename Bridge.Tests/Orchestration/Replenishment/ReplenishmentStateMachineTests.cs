using Bridge.Contracts.Messages;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Host.Processes.Replenishment;
using Microsoft.Extensions.DependencyInjection;
using static Bridge.Tests.Orchestration.Replenishment.ReplenishmentHarness;

namespace Bridge.Tests.Orchestration.Replenishment;

public sealed class ReplenishmentStateMachineTests : IAsyncLifetime
{
    private ReplenishmentHarness _host = null!;

    public async Task InitializeAsync() =>
        _host = await StartAsync(MinMax("L1-ST03"), MinMax("L1-ST06"), TwoBin("L1-ST04"), Kanban("L1-ST05"));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task MinMax_ConsumptionToTheReorderPoint_RequestsUpToMaxInWholePacks_FromTheSourceWarehouse()
    {
        await _host.PublishAsync(_host.Consumed("L1-ST03", 75m));
        await _host.SettledAsync();
        _host.Bus.Published.Select<ReplenishmentRequested>().ShouldBeEmpty();

        await _host.PublishAsync(_host.Consumed("L1-ST03", 10m));

        var request = (await _host.PublishedAsync<ReplenishmentRequested>()).Single();
        // 120 max − 35 left = 85, rounded up to packs of 20.
        request.ShouldSatisfyAllConditions(
            r => r.Quantity.ShouldBe(100m),
            r => r.Warehouse.ShouldBe("WH-B"),
            r => r.Location.ShouldBe("L1-ST03"),
            r => r.Material.ShouldBe("A-100"),
            r => r.ReplenishmentId.ShouldBe("RP-L1-ST03-0001"));
        (await _host.Saga.Exists(ReplenishmentIds.ForLocation("L1-ST03"), m => m.Requested)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Fulfilment_ClosesTheRequest_AndRaisesTheLevel()
    {
        var request = await DrainToRequestAsync("L1-ST03");

        await _host.PublishAsync(_host.Fulfilled(request, 100m));

        (await _host.Saga.Exists(ReplenishmentIds.ForLocation("L1-ST03"), m => m.Watching)).ShouldNotBeNull();
        (await _host.Levels.FindAsync("L1-ST03", default))!.Quantity.ShouldBe(135m);
        _host.State("L1-ST03")!.OpenRequestId.ShouldBeNull();
        await _host.SettledAsync();
        _host.Bus.Published.Select<ReplenishmentRequested>().Count().ShouldBe(1);
    }

    [Fact]
    public async Task PartialFulfilment_KeepsTheRestOpen_UntilItArrives()
    {
        var request = await DrainToRequestAsync("L1-ST03");

        await _host.PublishAsync(_host.Fulfilled(request, 60m));
        await _host.SettledAsync();

        var state = _host.State("L1-ST03")!;
        state.CurrentState.ShouldBe("Requested");
        state.OpenReceived.ShouldBe(60m);
        state.History.ShouldContain(s => s.Step == "partially-fulfilled");

        await _host.PublishAsync(_host.Fulfilled(request, 40m));

        (await _host.Saga.Exists(ReplenishmentIds.ForLocation("L1-ST03"), m => m.Watching)).ShouldNotBeNull();
        await _host.SettledAsync();
        _host.Bus.Published.Select<ReplenishmentRequested>().Count().ShouldBe(1);
    }

    [Fact]
    public async Task FallsWhileOpenRequestNothing_AfterTheCloseTheNextFallRequestsAgain()
    {
        var request = await DrainToRequestAsync("L1-ST03");
        await _host.PublishAsync(_host.Consumed("L1-ST03", 35m));
        await _host.SettledAsync();
        _host.Bus.Published.Select<ReplenishmentRequested>().Count().ShouldBe(1);

        await _host.PublishAsync(_host.Fulfilled(request, 100m));
        (await _host.Saga.Exists(ReplenishmentIds.ForLocation("L1-ST03"), m => m.Watching)).ShouldNotBeNull();
        await _host.PublishAsync(_host.Consumed("L1-ST03", 80m));

        var requests = await _host.PublishedAsync<ReplenishmentRequested>(2);
        requests.Count.ShouldBe(2);
        requests[1].ReplenishmentId.ShouldBe("RP-L1-ST03-0002");
    }

    [Fact]
    public async Task StaleReading_IsIgnored()
    {
        var late = _host.Next();
        await _host.PublishAsync(_host.Reading("L1-ST03", 100m));
        await _host.SettledAsync();

        await _host.PublishAsync(_host.Reading("L1-ST03", 10m, at: late));
        await _host.SettledAsync();

        (await _host.Levels.FindAsync("L1-ST03", default))!.Quantity.ShouldBe(100m);
        _host.Bus.Published.Select<ReplenishmentRequested>().ShouldBeEmpty();
    }

    [Fact]
    public async Task ChatteringSensor_ThousandReadingsAroundTheReorderPoint_ExactlyOneRequest()
    {
        // 39/41 around the reorder point 40, with excursions to 65 (above the hysteresis band, so the projection tells
        // the saga of a new fall) and 35: the saga holds one open request through all of it.
        decimal[] pattern = [39m, 41m, 65m, 35m, 41m];
        var readings = Enumerable.Range(0, 1000).Select(i => _host.Reading("L1-ST03", pattern[i % pattern.Length])).ToList();

        foreach (var reading in readings)
            await _host.PublishAsync(reading);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (_host.Bus.Consumed.Select<BinLevelReported>().Count() < 1000 && DateTime.UtcNow < deadline)
            await Task.Delay(25);
        await _host.SettledAsync();
        _host.Bus.Consumed.Select<BinLevelReported>().Count().ShouldBe(1000);
        _host.Bus.Published.Select<ReplenishmentRequested>().Count().ShouldBe(1);
        _host.State("L1-ST03")!.CurrentState.ShouldBe("Requested");
    }

    [Fact]
    public async Task SameMessageTwice_ChangesTheLevelOnce()
    {
        var consumed = _host.Consumed("L1-ST03", 30m);

        await _host.PublishAsync(consumed);
        await _host.PublishAsync(consumed);
        await _host.SettledAsync();

        (await _host.Levels.FindAsync("L1-ST03", default))!.Quantity.ShouldBe(90m);
    }

    [Fact]
    public async Task WeightReading_IsTurnedIntoAQuantityByTheUnitWeight()
    {
        await _host.PublishAsync(_host.Reading("L1-ST03", 17.5m, "kg"));

        var request = (await _host.PublishedAsync<ReplenishmentRequested>()).Single();
        // 17.5 kg / 0.5 kg = 35 pcs → 85 missing → 100.
        request.Quantity.ShouldBe(100m);
    }

    [Fact]
    public async Task FillPercentReading_ScalesToMax()
    {
        await _host.PublishAsync(_host.Reading("L1-ST03", 25m, "%"));

        var request = (await _host.PublishedAsync<ReplenishmentRequested>()).Single();
        // 25 % of 120 = 30 → 90 missing → 100.
        request.Quantity.ShouldBe(100m);
    }

    [Fact]
    public async Task Timeout_ReRequestsOnce_ThenReportsOverdueToMes()
    {
        await using var host = await StartAsync(MinMax("L9-ST01", leadTime: TimeSpan.FromMilliseconds(500)));
        await host.PublishAsync(host.Consumed("L9-ST01", 90m));

        var overdue = (await host.PublishedAsync<ReplenishmentOverdue>()).Single();
        var requests = host.Bus.Published.Select<ReplenishmentRequested>().Select(m => m.Context.Message).ToList();
        requests.Count.ShouldBe(2);
        requests.Select(r => r.ReplenishmentId).Distinct().ShouldHaveSingleItem();
        requests.Select(r => r.MessageId).Distinct().Count().ShouldBe(2);
        overdue.ShouldSatisfyAllConditions(
            o => o.Location.ShouldBe("L9-ST01"),
            o => o.Missing.ShouldBe(100m),
            o => o.Material.ShouldBe("A-100"),
            o => o.Line.ShouldBe("L1"));
        (await host.Saga.Exists(ReplenishmentIds.ForLocation("L9-ST01"), m => m.Overdue)).ShouldNotBeNull();

        // Late fulfilment still closes the overdue request.
        await host.PublishAsync(host.Fulfilled(requests[0], 100m));
        (await host.Saga.Exists(ReplenishmentIds.ForLocation("L9-ST01"), m => m.Watching)).ShouldNotBeNull();
    }

    [Fact]
    public async Task TwoBin_EmptyBinRequestsOneBin_TheSecondBinNeverTriggersWhileTheFirstRequestIsOpen()
    {
        await _host.PublishAsync(_host.Consumed("L1-ST04", 1m, unit: "bin", material: "B-300"));

        var first = (await _host.PublishedAsync<ReplenishmentRequested>()).Single();
        first.Quantity.ShouldBe(50m);

        await _host.PublishAsync(_host.Reading("L1-ST04", 0m, unit: "bins"));
        await _host.SettledAsync();
        _host.Bus.Published.Select<ReplenishmentRequested>().Count().ShouldBe(1);

        // One bin arrives, the other is still empty: the next bin is requested at the close.
        await _host.PublishAsync(_host.Fulfilled(first, 50m));
        var requests = await _host.PublishedAsync<ReplenishmentRequested>(2);
        requests[1].Quantity.ShouldBe(50m);
    }

    [Fact]
    public async Task Kanban_EachCardRequestsOneCard_CardsReturnedWhileOpenFollowAtTheClose()
    {
        await _host.PublishAsync(_host.Consumed("L1-ST05", 1m, unit: "card", material: "C-420"));
        var first = (await _host.PublishedAsync<ReplenishmentRequested>()).Single();
        first.Quantity.ShouldBe(200m);

        await _host.PublishAsync(_host.Consumed("L1-ST05", 1m, unit: "card", material: "C-420"));
        await _host.SettledAsync();
        _host.Bus.Published.Select<ReplenishmentRequested>().Count().ShouldBe(1);
        _host.State("L1-ST05")!.PendingCards.ShouldBe(1);

        await _host.PublishAsync(_host.Fulfilled(first, 200m));

        var requests = await _host.PublishedAsync<ReplenishmentRequested>(2);
        requests[1].Quantity.ShouldBe(200m);
        requests[1].ReplenishmentId.ShouldBe("RP-L1-ST05-0002");
    }

    [Fact]
    public async Task SignalForAnUnknownLocation_IsDeadLetteredWithTheReason()
    {
        await _host.PublishAsync(_host.Consumed("NO-SUCH-PLACE", 5m));
        await _host.SettledAsync();

        var letters = await _host.Provider.GetRequiredService<IDeadLetterStore>().ListAsync(10, false, default);
        letters.ShouldContain(l => l.Reason.Contains("no line-side location 'NO-SUCH-PLACE'"));
        _host.Bus.Published.Select<ReplenishmentRequested>().ShouldBeEmpty();
    }

    [Fact]
    public async Task LocationsAreIndependent()
    {
        await _host.PublishAsync(_host.Consumed("L1-ST03", 90m));
        await _host.PublishAsync(_host.Consumed("L1-ST06", 90m));

        var requests = await _host.PublishedAsync<ReplenishmentRequested>(2);
        requests.Select(r => r.Location).Order().ShouldBe(["L1-ST03", "L1-ST06"]);
    }

    private async Task<ReplenishmentRequested> DrainToRequestAsync(string location)
    {
        await _host.PublishAsync(_host.Consumed(location, 85m));
        return (await _host.PublishedAsync<ReplenishmentRequested>()).Single();
    }
}

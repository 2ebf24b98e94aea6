using System.Net;
using System.Text.Json.Nodes;
using Bridge.Host.Demo;
using Bridge.Host.Processes.MaterialRequests;
using Bridge.Tests.Infrastructure;
using Npgsql;
using static Bridge.Tests.Integration.InboundCalls;

namespace Bridge.Tests.Integration;

/// <summary>
/// The material request end to end on the real stack: HTTP in → RabbitMQ → saga state in PostgreSQL → HTTP out to
/// WMS and MES receivers on loopback. Each test has its own virtual host and database.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MaterialRequestFlowTests() : RealStackTest("flow", "mes", "wms-a")
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly SimulatedWarehouse _wms = new();

    private Task<BridgeTestHost> StartHostAsync() => BridgeTestHost.StartAsync(Rabbit, Postgres, Receivers!);

    private Task SeedAsync(BridgeTestHost host, string orderNo, decimal quantity) => PlantSeed.SeedAsync(host, _wms, orderNo, quantity);

    [Fact]
    public async Task MaterialRequest_FlowsThroughRabbitMqAndPostgres_ToWmsAndMes()
    {
        if (Receivers is null)
        {
            return;
        }

        await using var host = await StartHostAsync();
        await SeedAsync(host, "000001005001", 20);

        await Accepted(host.PostAsync("mes", "material-request", DemoPayloads.MaterialRequest("MR-IT-1", "1005001", 20)));

        var pickList = await Receivers.NextAsync("wms-a", Wait);
        pickList.Path.ShouldStartWith("/api/v2/pick-lists/PK-");
        var positions = JsonNode.Parse(pickList.Body)!["positions"]!.AsArray();
        positions.Select(p => ((string)p!["sku"]!, p["qty"]!.GetValue<decimal>(), (string)p["uom"]!))
            .ShouldBe([("100-A", 40m, "PCE"), ("200-A", 2.5m, "KGM"), ("300-B", 15.45m, "MTR")]);

        await Accepted(host.PostAsync("wms-a", "pick-confirmation", _wms.Confirm(pickList.Body).Confirmation));

        var delivery = await Receivers.NextAsync("mes", Wait);
        delivery.Path.ShouldBe("/mes/api/material-requests/MR-IT-1/deliveries");
        JsonNode.Parse(delivery.Body)!["items"]!.AsArray().Count.ShouldBe(3);
        var view = JsonNode.Parse(await host.Client.GetStringAsync("/api/material-requests/MR-IT-1"))!;
        ((string)view["state"]!).ShouldBe("Completed");
        (await StoredStateAsync("MR-IT-1")).ShouldBe("Completed");
    }

    [Fact]
    public async Task UnicodeRequestId_ReachesTheWmsAndCompletes()
    {
        if (Receivers is null)
        {
            return;
        }

        const string requestId = "MR-äöü-料";
        await using var host = await StartHostAsync();
        await SeedAsync(host, "000001005003", 10);

        await Accepted(host.PostAsync("mes", "material-request", DemoPayloads.MaterialRequest(requestId, "1005003", 10)));

        var pickList = await Receivers.NextAsync("wms-a", Wait);
        pickList.Path.ShouldStartWith("/api/v2/pick-lists/PK-");
        await Accepted(host.PostAsync("wms-a", "pick-confirmation", _wms.Confirm(pickList.Body).Confirmation));
        var delivery = await Receivers.NextAsync("mes", Wait);
        Uri.UnescapeDataString(delivery.Path).ShouldBe($"/mes/api/material-requests/{requestId}/deliveries");
        (await StoredStateAsync(requestId)).ShouldBe("Completed");
    }

    [Fact]
    public async Task HostStoppedMidSaga_NewHostCompletesFromStoredState()
    {
        if (Receivers is null)
        {
            return;
        }

        string pickListBody;
        await using (var first = await StartHostAsync())
        {
            await SeedAsync(first, "000001005002", 10);
            await Accepted(first.PostAsync("mes", "material-request", DemoPayloads.MaterialRequest("MR-IT-2", "1005002", 10)));
            pickListBody = (await Receivers.NextAsync("wms-a", Wait)).Body;
            (await StoredStateAsync("MR-IT-2")).ShouldBe("Picking");
            await first.StopAsync();
        }

        // The WMS confirms while no Bridge runs... then a new host starts on the same broker and database.
        await using var second = await StartHostAsync();
        await Accepted(second.PostAsync("wms-a", "pick-confirmation", _wms.Confirm(pickListBody).Confirmation));

        var delivery = await Receivers.NextAsync("mes", Wait);
        delivery.Path.ShouldBe("/mes/api/material-requests/MR-IT-2/deliveries");
        (await StoredStateAsync("MR-IT-2")).ShouldBe("Completed");
    }

    [Fact]
    public async Task SameInboundMessageTwice_ProducesExactlyOnePickOrder()
    {
        if (Receivers is null)
        {
            return;
        }

        await using var host = await StartHostAsync();
        await SeedAsync(host, "000001005003", 5);
        var request = DemoPayloads.MaterialRequest("MR-IT-3", "1005003", 5);

        var first = JsonNode.Parse(await Accepted(host.PostAsync("mes", "material-request", request)))!;
        var second = JsonNode.Parse(await Accepted(host.PostAsync("mes", "material-request", request)))!;

        first["messages"]![0]!["duplicate"]!.GetValue<bool>().ShouldBeFalse();
        second["messages"]![0]!["duplicate"]!.GetValue<bool>().ShouldBeTrue();
        second["messages"]![0]!["messageId"]!.ToString().ShouldBe(first["messages"]![0]!["messageId"]!.ToString());
        await Receivers.NextAsync("wms-a", Wait);
        await Should.ThrowAsync<TimeoutException>(() => Receivers.NextAsync("wms-a", TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task UnmappablePayload_Gets422NamingTheProblem_IsDeadLettered_AndHostKeepsServing()
    {
        if (Receivers is null)
        {
            return;
        }

        await using var host = await StartHostAsync();
        const string broken = """{ "reqNo": "MR-BAD", "prodOrder": "1", "station": "L1-ST03", "mode": "ORDER_QTY", "createdAt": "yesterday" }""";

        var response = await host.PostAsync("mes", "material-request", broken);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var detail = (string)problem["detail"]!;
        detail.ShouldContain("mes-material-request");
        detail.ShouldContain("yesterday");
        var deadLetterId = Guid.Parse((string)problem["deadLetterId"]!);
        await using (var db = NpgsqlDataSource.Create(Postgres))
        await using (var command = db.CreateCommand("select system, message_type, body, reason from dead_letters where id = @id"))
        {
            command.Parameters.AddWithValue("id", deadLetterId);
            await using var reader = await command.ExecuteReaderAsync();
            (await reader.ReadAsync()).ShouldBeTrue();
            reader.GetString(0).ShouldBe("mes");
            reader.GetString(1).ShouldBe("material-request");
            System.Text.Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(2)).ShouldBe(broken);
            reader.GetString(3).ShouldContain("yesterday");
        }

        (await host.PostAsync("mes", "material-request", "{not json")).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await host.PostAsync("mes", "material-request", "{}", key: "wrong")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await SeedAsync(host, "000001005004", 1);
        (await host.Client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<string?> StoredStateAsync(string requestId)
    {
        await using var db = NpgsqlDataSource.Create(Postgres);
        await using var command = db.CreateCommand("select state->>'CurrentState' from saga_material_request_state where id = @id");
        command.Parameters.AddWithValue("id", Bridge.Host.Processes.MaterialRequests.MaterialRequestIds.ForRequest(requestId));
        return await command.ExecuteScalarAsync() as string;
    }
}

using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Session;

namespace Bridge.Tests.OpcUa;

/// <summary>The node-opcua server ./test.sh started (BRIDGE_TEST_OPCUA), or a clear failure when it is required and absent.</summary>
internal static class OpcUaTestServer
{
    public static string? Url
    {
        get
        {
            var url = Environment.GetEnvironmentVariable("BRIDGE_TEST_OPCUA");
            if (string.IsNullOrEmpty(url) && Environment.GetEnvironmentVariable("BRIDGE_TEST_REQUIRE_SERVERS") == "1")
            {
                Assert.Fail("BRIDGE_TEST_OPCUA is not set but BRIDGE_TEST_REQUIRE_SERVERS=1: start the node-opcua server (./test.sh does) and export its opc.tcp URL.");
            }
            return string.IsNullOrEmpty(url) ? null : url;
        }
    }

    public static async Task<OpcUaClient?> ConnectAsync(UserIdentity? identity = null)
    {
        var url = Url;
        if (url is null)
        {
            return null;
        }
        try
        {
            return await OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = url, Identity = identity ?? UserIdentity.Anonymous });
        }
        catch (Bridge.Adapters.OpcUa.Stack.Transport.OpcUaConnectionException ex)
        {
            Assert.Fail($"The node-opcua test server at {url} is unreachable: {ex.Message}");
            throw;
        }
    }

    /// <summary>The repository root (where Bridge.sln is), to start extra node-opcua servers from tests/opcua-server.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bridge.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("Bridge.sln not found above " + AppContext.BaseDirectory);
        }
    }
}

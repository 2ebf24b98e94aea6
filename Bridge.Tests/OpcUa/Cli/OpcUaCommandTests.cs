using System.CommandLine;
using Bridge.Host.Cli;

namespace Bridge.Tests.OpcUa.Cli;

[Trait("Category", "Integration")]
public class OpcUaCommandTests
{
    [Fact]
    public async Task Read_PrintsTypeValueStatusAndTimestamps()
    {
        if (OpcUaTestServer.Url is not { } url)
        {
            return;
        }
        var (code, output, _) = await RunAsync("opcua", "read", url, "ns=1;s=Scalars.Double", "/Objects/1:Bridge/1:Arrays/1:MatrixInt32");
        code.ShouldBe(0);
        output.ShouldContain("Double");
        output.ShouldContain("3.14159");
        output.ShouldContain("Int32[2x3]");
        output.ShouldContain("Good");
        output.ShouldMatch(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z");
    }

    [Fact]
    public async Task Read_UnknownNode_ExitsOneWithStatusName()
    {
        if (OpcUaTestServer.Url is not { } url)
        {
            return;
        }
        var (code, output, _) = await RunAsync("opcua", "read", url, "ns=1;s=Nope");
        code.ShouldBe(1);
        output.ShouldContain("BadNodeIdUnknown");
    }

    [Fact]
    public async Task Browse_ListsChildrenByBrowsePath()
    {
        if (OpcUaTestServer.Url is not { } url)
        {
            return;
        }
        var (code, output, _) = await RunAsync("opcua", "browse", url, "/Objects/1:Bridge", "--json");
        code.ShouldBe(0);
        output.ShouldContain("\"browseName\":\"1:Counters\"");
        output.ShouldContain("\"nodeId\":\"ns=1;s=Methods\"");
    }

    [Fact]
    public async Task Write_ConvertsTextToTheNodesType()
    {
        if (OpcUaTestServer.Url is not { } url)
        {
            return;
        }
        var (code, output, _) = await RunAsync("opcua", "write", url, "ns=1;s=Writable.Int32", "-42");
        code.ShouldBe(0);
        output.ShouldContain("Int32  -42  Good");
        (await RunAsync("opcua", "read", url, "ns=1;s=Writable.Int32", "--json")).Output.ShouldContain("\"value\":\"-42\"");
    }

    [Fact]
    public async Task Write_TextThatDoesNotFitTheType_ExitsOneWithReason()
    {
        if (OpcUaTestServer.Url is not { } url)
        {
            return;
        }
        var (code, _, error) = await RunAsync("opcua", "write", url, "ns=1;s=Writable.Ack", "maybe");
        code.ShouldBe(1);
        error.ShouldContain("'maybe' is not a valid Boolean");
    }

    [Fact]
    public async Task Subscribe_StopsAfterCount()
    {
        if (OpcUaTestServer.Url is not { } url)
        {
            return;
        }
        var (code, output, _) = await RunAsync("opcua", "subscribe", url, "ns=1;s=Counters.Fast", "--count", "3", "--interval", "100");
        code.ShouldBe(0);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains("UInt32")).ShouldBe(3);
    }

    [Fact]
    public async Task User_WithoutPasswordVariable_ExitsOneNamingTheVariable()
    {
        var (code, _, error) = await RunAsync("opcua", "read", "opc.tcp://127.0.0.1:1/", "i=85", "--user", "operator", "--password-env", "BRIDGE_TEST_UNSET_PASSWORD_VAR");
        code.ShouldBe(1);
        error.ShouldContain("BRIDGE_TEST_UNSET_PASSWORD_VAR");
    }

    [Fact]
    public async Task UnreachableServer_ExitsOneWithReason()
    {
        var (code, _, error) = await RunAsync("opcua", "read", "opc.tcp://127.0.0.1:1/", "i=85");
        code.ShouldBe(1);
        error.ShouldContain("Cannot connect");
    }

    [Fact]
    public async Task MissingArguments_IsAUsageError()
    {
        var (code, _, _) = await RunAsync("opcua", "write", "opc.tcp://127.0.0.1:1/");
        code.ShouldNotBe(0);
    }

    [Fact]
    public async Task Cert_UntrustedServerRefused_TrustedByCli_ThenSecuredReadWorks()
    {
        if (OpcUaTestServer.Url is null)
        {
            return;
        }
        using var pki = await SecuredTestClient.CreateAsync(trustServer: false);
        var root = pki!.Pki.Root;
        var (showCode, show, _) = await RunAsync("opcua", "cert", "show", "--pki", root);
        showCode.ShouldBe(0);
        show.ShouldContain(pki.Certificate.Thumbprint);
        show.ShouldContain("urn:bridge:opcua-client");
        show.ShouldContain("2048-bit RSA");

        var (refusedCode, _, refused) = await RunAsync("opcua", "read", pki.Url, "ns=1;s=Counters.Fast", "--security-policy", "Basic256Sha256", "--security-mode", "SignAndEncrypt", "--pki", root);
        refusedCode.ShouldBe(1);
        refused.ShouldContain("not trusted");
        var thumbprint = pki.Pki.Rejected().ShouldHaveSingleItem().Thumbprint;
        (await RunAsync("opcua", "cert", "list", "--pki", root)).Output.ShouldContain("rejected");

        var (trustCode, trusted, _) = await RunAsync("opcua", "cert", "trust", thumbprint[..12], "--pki", root);
        trustCode.ShouldBe(0);
        trusted.ShouldContain(thumbprint);
        (await RunAsync("opcua", "read", pki.Url, "ns=1;s=Counters.Fast", "--security-policy", "Basic256Sha256", "--security-mode", "SignAndEncrypt", "--pki", root)).Code.ShouldBe(0);

        (await RunAsync("opcua", "cert", "reject", thumbprint, "--pki", root)).Code.ShouldBe(0);
        (await RunAsync("opcua", "read", pki.Url, "ns=1;s=Counters.Fast", "--security-policy", "Basic256Sha256", "--pki", root)).Code.ShouldBe(1);
        (await RunAsync("opcua", "cert", "trust", "0000nope", "--pki", root)).Code.ShouldBe(1);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await BridgeCommandLine.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}

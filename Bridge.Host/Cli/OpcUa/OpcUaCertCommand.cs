using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using Bridge.Adapters.OpcUa.Stack;
using Bridge.Adapters.OpcUa.Stack.Security;
using Spectre.Console;

namespace Bridge.Host.Cli.OpcUa;

/// <summary>
/// <c>opcua cert show|list|trust|reject</c>: Bridge's application certificate and the server certificates it trusts
/// or refused, in the PKI folder a device's <c>pkiDir</c> names.
/// </summary>
internal static class OpcUaCertCommand
{
    private static readonly Option<string> Pki = new("--pki") { Description = "PKI folder (own/, trusted/, issuers/, rejected/)", DefaultValueFactory = _ => "pki" };

    private static readonly Option<string> ApplicationUri = new("--application-uri") { Description = "Application URI of a certificate created by 'show'", DefaultValueFactory = _ => "urn:bridge:opcua-client" };

    public static Command Create()
    {
        var command = new Command("cert", "Show Bridge's OPC UA certificate; list, trust or reject server certificates.");
        command.Subcommands.Add(Show());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Move("trust", "Trust a certificate (from rejected/ by thumbprint, or a file): Bridge then accepts that server.", trust: true));
        command.Subcommands.Add(Move("reject", "Stop trusting a certificate: it moves from trusted/ to rejected/.", trust: false));
        return command;
    }

    private static Command Show()
    {
        var which = new Argument<string?>("thumbprint") { Description = "A certificate in the PKI folder; Bridge's own when omitted", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("show", "Show Bridge's application certificate (created if absent) or another certificate.");
        command.Options.Add(Pki);
        command.Options.Add(ApplicationUri);
        command.Arguments.Add(which);
        command.SetAction(async (parse, ct) =>
        {
            var store = new PkiStore(parse.GetValue(Pki)!);
            var output = parse.InvocationConfiguration.Output;
            var thumbprint = parse.GetValue(which);
            try
            {
                using var certificate = thumbprint is null
                    ? ApplicationCertificate.LoadOrCreate(store, parse.GetValue(ApplicationUri)!, TimeProvider.System)
                    : store.Find(thumbprint);
                if (certificate is null)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"No single certificate in {store.Root} matches '{thumbprint}'.").ConfigureAwait(false);
                    return 1;
                }
                var grid = new Grid().AddColumn().AddColumn();
                grid.AddRow("Subject", Markup.Escape(certificate.Subject));
                grid.AddRow("Issuer", Markup.Escape(certificate.Issuer));
                grid.AddRow("Thumbprint", certificate.Thumbprint);
                grid.AddRow("Application URI", Markup.Escape(CertificateValidator.ApplicationUri(certificate) ?? "(none)"));
                grid.AddRow("Hosts", Markup.Escape(string.Join(", ", CertificateValidator.HostNames(certificate))));
                grid.AddRow("Valid", $"{certificate.NotBefore.ToUniversalTime():u} to {certificate.NotAfter.ToUniversalTime():u}");
                grid.AddRow("Key", $"{certificate.PublicKey.GetRSAPublicKey()?.KeySize ?? 0}-bit RSA, {certificate.SignatureAlgorithm.FriendlyName}");
                if (thumbprint is null)
                {
                    grid.AddRow("File", Markup.Escape(Path.Combine(store.OwnCerts, "bridge.der")));
                }
                OpcUaCliOptions.Console(output).Write(grid);
                return 0;
            }
            catch (OpcUaException ex)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List trusted, issuer and rejected certificates.");
        command.Options.Add(Pki);
        command.SetAction(parse =>
        {
            var store = new PkiStore(parse.GetValue(Pki)!);
            var table = new Table().AddColumns("Folder", "Subject", "Application URI", "Valid until", "Thumbprint");
            foreach (var (folder, certificates) in new[] { ("trusted", store.Trusted()), ("issuers", store.Issuers()), ("rejected", store.Rejected()) })
            {
                foreach (var certificate in certificates)
                {
                    table.AddRow(folder, Markup.Escape(certificate.Subject), Markup.Escape(CertificateValidator.ApplicationUri(certificate) ?? ""), $"{certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}", certificate.Thumbprint);
                }
            }
            OpcUaCliOptions.Console(parse.InvocationConfiguration.Output).Write(table);
            return 0;
        });
        return command;
    }

    private static Command Move(string name, string description, bool trust)
    {
        var which = new Argument<string>("thumbprint") { Description = "Thumbprint (or its first characters) or a certificate file" };
        var command = new Command(name, description);
        command.Options.Add(Pki);
        command.Arguments.Add(which);
        command.SetAction(async (parse, ct) =>
        {
            var store = new PkiStore(parse.GetValue(Pki)!);
            X509Certificate2? certificate;
            try
            {
                certificate = store.Find(parse.GetValue(which)!);
            }
            catch (System.Security.Cryptography.CryptographicException ex)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"Not a certificate: {ex.Message}").ConfigureAwait(false);
                return 1;
            }
            if (certificate is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"No single certificate in {store.Root} matches '{parse.GetValue(which)}' (see 'opcua cert list').").ConfigureAwait(false);
                return 1;
            }
            using (certificate)
            {
                if (trust)
                {
                    var path = store.Trust(certificate);
                    await parse.InvocationConfiguration.Output.WriteLineAsync($"Trusted {certificate.Subject} ({certificate.Thumbprint}): {path}").ConfigureAwait(false);
                }
                else
                {
                    store.Untrust(certificate);
                    await parse.InvocationConfiguration.Output.WriteLineAsync($"Rejected {certificate.Subject} ({certificate.Thumbprint}): Bridge refuses that server from now on").ConfigureAwait(false);
                }
            }
            return 0;
        });
        return command;
    }
}

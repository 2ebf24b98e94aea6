namespace Bridge.Faults.Harness;

/// <summary>Where ./faults.sh started its servers and what it built (the BRIDGE_FAULTS_* variables it exports).</summary>
public sealed record FaultServers(
    Uri RabbitMq,
    Uri RabbitMqManagement,
    string Postgres,
    string MqttHost,
    int MqttPort,
    string HostDll,
    string ConfigDirectory,
    int FirstHostPort,
    int ReceiversPort,
    string ControlScript)
{
    public static FaultServers From(FaultRun run)
    {
        var mqtt = run.Setting("BRIDGE_FAULTS_MQTT").Split(':');
        return new FaultServers(
            new Uri(run.Setting("BRIDGE_FAULTS_RABBITMQ")),
            new Uri(run.Setting("BRIDGE_FAULTS_RABBITMQ_MANAGEMENT")),
            run.Setting("BRIDGE_FAULTS_POSTGRES"),
            mqtt[0],
            int.Parse(mqtt[1], System.Globalization.CultureInfo.InvariantCulture),
            run.Setting("BRIDGE_FAULTS_HOST_DLL"),
            run.Setting("BRIDGE_FAULTS_CONFIG"),
            int.Parse(run.Setting("BRIDGE_FAULTS_HOST_PORT"), System.Globalization.CultureInfo.InvariantCulture),
            run.Environment.TryGetValue("BRIDGE_FAULTS_RECEIVERS_PORT", out var r) && int.TryParse(r, out var port) ? port : 0,
            run.Setting("BRIDGE_FAULTS_CTL"));
    }
}

namespace Bridge.Adapters.Envelopes;

/// <summary>The service key of one adapter instance: <c>http:default</c>, <c>mqtt:plant-broker</c>.</summary>
public static class AdapterKey
{
    public static string For(string adapter, string instance) => adapter + ":" + instance;
}

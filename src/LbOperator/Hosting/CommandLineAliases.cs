namespace LbOperator.Hosting;

/// <summary>Friendly flags for the most used settings; any <c>--Section:Key value</c> works as well.</summary>
public static class CommandLineAliases
{
    public static IDictionary<string, string> Mappings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--workers"] = "LbOperator:Workers",
        ["--resync-period"] = "LbOperator:ResyncPeriod",
        ["--watch-silence-timeout"] = "LbOperator:WatchSilenceTimeout",
        ["--warn-skew"] = "LbOperator:Policy:WarnSkew",
        ["--max-skew"] = "LbOperator:Policy:MaxSkew",
        ["--leader-elect"] = "LbOperator:LeaderElection:Enabled",
        ["--lease-name"] = "LbOperator:LeaderElection:LeaseName",
        ["--lease-namespace"] = "LbOperator:LeaderElection:LeaseNamespace",
        ["--metrics-port"] = "LbOperator:Ports:Metrics",
        ["--health-port"] = "LbOperator:Ports:Health",
        ["--webhook-port"] = "LbOperator:Ports:Webhook",
        ["--log-format"] = "LbOperator:LogFormat",
        ["--qps"] = "LbOperator:Api:Qps",
        ["--burst"] = "LbOperator:Api:Burst",
        ["--prometheus-url"] = "LbOperator:Observed:PrometheusUrl",
    };
}

using Microsoft.Extensions.Options;

namespace LbOperator.Operator.Options;

/// <summary>Checks <see cref="OperatorOptions"/> at start, naming each bad key, what it must be and what it was.</summary>
public sealed class OperatorOptionsValidator : IValidateOptions<OperatorOptions>
{
    public ValidateOptionsResult Validate(string? name, OperatorOptions options)
    {
        var failures = new List<string>();
        void Require(bool condition, string message)
        {
            if (!condition)
            {
                failures.Add(message);
            }
        }

        const string S = OperatorOptions.SectionName;
        Require(options.Workers >= 1, $"{S}:Workers must be at least 1 (got {options.Workers}).");
        Require(options.ResyncPeriod > TimeSpan.Zero, $"{S}:ResyncPeriod must be positive (got {options.ResyncPeriod}).");
        Require(options.WatchSilenceTimeout >= TimeSpan.FromSeconds(1), $"{S}:WatchSilenceTimeout must be at least 1 second (got {options.WatchSilenceTimeout}).");
        Require(options.CrdCheckInterval > TimeSpan.Zero, $"{S}:CrdCheckInterval must be positive (got {options.CrdCheckInterval}).");
        Require(options.Api.Qps > 0, $"{S}:Api:Qps must be positive (got {options.Api.Qps}).");
        Require(options.Api.Burst >= 1, $"{S}:Api:Burst must be at least 1 (got {options.Api.Burst}).");
        Require(options.Api.MaxRetries >= 0, $"{S}:Api:MaxRetries must not be negative (got {options.Api.MaxRetries}).");
        Require(options.Api.RequestTimeout > TimeSpan.Zero, $"{S}:Api:RequestTimeout must be positive (got {options.Api.RequestTimeout}).");
        Require(options.ShutdownTimeout >= TimeSpan.FromSeconds(2), $"{S}:ShutdownTimeout must be at least 2 seconds (got {options.ShutdownTimeout}).");
        Require(options.LogFormat is "text" or "json", $"{S}:LogFormat must be 'text' or 'json' (got '{options.LogFormat}').");

        var both = options.WatchNamespaces.Intersect(options.ExcludedNamespaces, StringComparer.Ordinal).ToList();
        Require(both.Count == 0, $"{S}:WatchNamespaces and {S}:ExcludedNamespaces both contain {string.Join(", ", both)}.");

        var election = options.LeaderElection;
        if (election.Enabled)
        {
            Require(election.LeaseName.Length > 0, $"{S}:LeaderElection:LeaseName must not be empty.");
            Require(election.LeaseNamespace.Length > 0,
                $"{S}:LeaderElection:LeaseNamespace is empty and POD_NAMESPACE is not set; set one, or disable leader election.");
            Require(election.RetryPeriod > TimeSpan.Zero, $"{S}:LeaderElection:RetryPeriod must be positive (got {election.RetryPeriod}).");
            Require(election.RenewDeadline > election.RetryPeriod,
                $"{S}:LeaderElection:RenewDeadline ({election.RenewDeadline}) must be longer than RetryPeriod ({election.RetryPeriod}).");
            Require(election.LeaseDuration > election.RenewDeadline,
                $"{S}:LeaderElection:LeaseDuration ({election.LeaseDuration}) must be longer than RenewDeadline ({election.RenewDeadline}).");
        }

        var ports = new[] { ("Metrics", options.Ports.Metrics), ("Health", options.Ports.Health), ("Webhook", options.Ports.Webhook) };
        foreach (var (key, port) in ports)
        {
            Require(port is >= 0 and <= 65535, $"{S}:Ports:{key} must be a TCP port, 0-65535 (got {port}).");
        }

        var clashes = ports.Where(p => p.Item2 != 0).GroupBy(p => p.Item2).Where(g => g.Count() > 1).ToList();
        Require(clashes.Count == 0,
            $"{S}:Ports must be distinct: {string.Join("; ", clashes.Select(g => string.Join(" and ", g.Select(p => p.Item1)) + $" are both {g.Key}"))}.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

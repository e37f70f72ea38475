using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LbOperator.Operator.Options;

/// <summary>
/// Fills the defaults that depend on the environment or on a key being absent: the excluded namespaces
/// (binding would append to a default list, not replace it), the lease namespace from
/// <c>POD_NAMESPACE</c> and the identity from <c>POD_NAME</c> or the host name.
/// </summary>
public sealed class OperatorOptionsDefaults(IConfiguration configuration, Func<string, string?> environment) : IPostConfigureOptions<OperatorOptions>
{
    public void PostConfigure(string? name, OperatorOptions options)
    {
        if (!configuration.GetSection($"{OperatorOptions.SectionName}:{nameof(OperatorOptions.ExcludedNamespaces)}").Exists())
        {
            options.ExcludedNamespaces = ["kube-system"];
        }

        options.WatchNamespaces = options.WatchNamespaces.Where(n => n.Length > 0).Distinct().ToList();
        options.ExcludedNamespaces = options.ExcludedNamespaces.Where(n => n.Length > 0).Distinct().ToList();
        var election = options.LeaderElection;
        if (election.LeaseNamespace.Length == 0)
        {
            election.LeaseNamespace = environment("POD_NAMESPACE") ?? "";
        }

        if (election.Identity.Length == 0)
        {
            election.Identity = environment("POD_NAME") is { Length: > 0 } pod ? pod : Environment.MachineName;
        }
    }
}

using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using LbOperator.E2E.Infrastructure;
using Xunit.Abstractions;

namespace LbOperator.E2E.Scenarios;

/// <summary>
/// The operator runs as the chart's ServiceAccount. The API server's own authorizer, asked through
/// SubjectAccessReview, allows that account exactly the verbs the chart grants, and a working operator
/// never hits a 403.
/// </summary>
public sealed partial class LeastPrivilegeTests(ITestOutputHelper output)
{
    private static readonly string[] Verbs = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"];

    [E2EFact]
    public async Task The_ServiceAccount_may_do_exactly_what_the_chart_grants_and_the_operator_never_sees_a_403()
    {
        await using var installation = await Installation.StartAsync(new Dictionary<string, string> { ["LbOperator__CrdCheckInterval"] = "00:00:02" });
        var replica = await installation.StartReplicaAsync("replica-a");
        var cluster = new Cluster(installation.Admin);
        await installation.Server.InstallGatewayApiAsync(CancellationToken.None);
        await OutageTests.OutageLayoutAsync(cluster);
        await cluster.EventAsync("shop", "checkout", "TrafficSkewed");
        await cluster.SetExternalTrafficPolicyAsync("shop", "checkout", "Cluster");
        await cluster.EventAsync("shop", "checkout", "TrafficBalanced", mentioning: "LB001");
        await Poll.UntilAsync(() => replica.Log.Any(line => line.Contains("httproutes API served: True", StringComparison.Ordinal)),
            "the operator watches HTTPRoutes too");

        var granted = Granted(installation.Chart);
        var mismatches = new List<string>();
        foreach (var (group, resource, ns) in Resources(granted))
        {
            foreach (var verb in Verbs)
            {
                var allowed = await AllowedAsync(installation.Admin, installation.Chart, group, resource, verb, ns);
                var expected = granted.Contains((group, resource, verb, ns is null ? null : RenderedChart.Namespace));
                if (allowed != expected)
                {
                    mismatches.Add($"{verb} {group}/{resource} in {ns ?? "the cluster"}: allowed {allowed}, chart grants {expected}");
                }
            }
        }

        Assert.Empty(mismatches);
        Assert.False(await AllowedAsync(installation.Admin, installation.Chart, "", "secrets", "list", null), "the ServiceAccount reads no Secrets");
        Assert.False(await AllowedAsync(installation.Admin, installation.Chart, "coordination.k8s.io", "leases", "update", "shop"),
            "Leases are writable only in the release namespace");
        foreach (var line in replica.Log.Where(line => line.Contains(" fail: ", StringComparison.Ordinal) || line.Contains(" warn: ", StringComparison.Ordinal)))
        {
            output.WriteLine(line);
        }

        var forbidden = replica.Log.Where(line => Forbidden().IsMatch(line)).ToList();
        Assert.True(forbidden.Count == 0, "The operator's log mentions 403:\n" + string.Join("\n", forbidden));
    }

    /// <summary>Every (group, resource, verb, namespace) the chart's roles grant; namespace null for a ClusterRole.</summary>
    private static HashSet<(string Group, string Resource, string Verb, string? Namespace)> Granted(RenderedChart chart) =>
        chart.ClusterRoles.SelectMany(role => Expand(role.Rules, null))
            .Concat(chart.Roles.SelectMany(role => Expand(role.Rules, role.Metadata.NamespaceProperty ?? RenderedChart.Namespace)))
            .ToHashSet();

    private static IEnumerable<(string, string, string, string?)> Expand(IEnumerable<V1PolicyRule> rules, string? ns) =>
        from rule in rules
        from apiGroup in rule.ApiGroups
        from resource in rule.Resources
        from verb in rule.Verbs
        select (apiGroup, resource, verb, ns);

    /// <summary>Each granted resource, checked cluster-wide (for ClusterRole grants) or in the release namespace (for Role grants).</summary>
    private static IEnumerable<(string Group, string Resource, string? Namespace)> Resources(
        HashSet<(string Group, string Resource, string Verb, string? Namespace)> granted) =>
        granted.Select(g => (g.Group, g.Resource, g.Namespace is null ? null : RenderedChart.Namespace)).Distinct();

    private static async Task<bool> AllowedAsync(IKubernetes admin, RenderedChart chart, string group, string resource, string verb, string? ns)
    {
        var review = await admin.AuthorizationV1.CreateSubjectAccessReviewAsync(new V1SubjectAccessReview
        {
            Spec = new V1SubjectAccessReviewSpec
            {
                User = $"system:serviceaccount:{RenderedChart.Namespace}:{chart.ServiceAccount.Metadata.Name}",
                Groups = ["system:serviceaccounts", $"system:serviceaccounts:{RenderedChart.Namespace}", "system:authenticated"],
                ResourceAttributes = new V1ResourceAttributes { Group = group, Resource = resource, Verb = verb, NamespaceProperty = ns },
            },
        });
        return review.Status.Allowed;
    }

    /// <summary>A 403 status or its name; not digits that merely contain 403, such as event id 2403 or a timestamp's .403Z.</summary>
    [GeneratedRegex(@"\b403\b|Forbidden")]
    private static partial Regex Forbidden();
}

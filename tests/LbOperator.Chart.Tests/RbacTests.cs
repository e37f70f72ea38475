using k8s.Models;
using LbOperator.Chart.Tests.Infrastructure;

namespace LbOperator.Chart.Tests;

public sealed class RbacTests : IDisposable
{
    private readonly HelmCli _helm = new();

    public static TheoryData<string, string, string> ClusterGrants => new()
    {
        { "", "services", "get,list,watch" },
        { "", "nodes", "get,list,watch" },
        { "discovery.k8s.io", "endpointslices", "get,list,watch" },
        { "networking.k8s.io", "ingresses", "get,list,watch" },
        { "networking.k8s.io", "ingressclasses", "get,list,watch" },
        { "gateway.networking.k8s.io", "httproutes", "get,list,watch" },
        { "gateway.networking.k8s.io", "grpcroutes", "get,list,watch" },
        { "gateway.networking.k8s.io", "referencegrants", "get,list,watch" },
        { "metallb.io", "l2advertisements", "get,list,watch" },
        { "metallb.io", "bgpadvertisements", "get,list,watch" },
        { "", "events", "create,list,patch" },
    };

    public static TheoryData<string, string, string> ReportGrants => new()
    {
        { "wgpolicyk8s.io", "policyreports", "get,list,watch,create,update,patch,delete" },
        { "openreports.io", "reports", "get,list,watch,create,update,patch,delete" },
    };

    [Fact]
    public void Cluster_role_grants_exactly_reads_of_the_audited_kinds_event_writes_and_the_reports()
    {
        var role = _helm.Template().Single<V1ClusterRole>();

        Assert.Equal(Expected(ClusterGrants, ReportGrants).Order(), Flatten(role.Rules).Order());
    }

    [Fact]
    public void With_reports_disabled_the_cluster_role_grants_nothing_on_reports()
    {
        var role = _helm.Template("--set", "reports.enabled=false").Single<V1ClusterRole>();

        Assert.Equal(Expected(ClusterGrants).Order(), Flatten(role.Rules).Order());
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public void The_operator_is_told_whether_reports_are_enabled(string enabled)
    {
        var container = _helm.Template("--set", $"reports.enabled={enabled}").Single<V1Deployment>().Spec.Template.Spec.Containers[0];

        Assert.Equal(enabled, Assert.Single(container.Env, variable => variable.Name == "LbOperator__Reports__Enabled").Value);
    }

    [Fact]
    public void Leader_election_role_is_namespaced_and_covers_only_leases()
    {
        var role = _helm.Template().Single<V1Role>();

        Assert.Equal(HelmCli.Namespace, role.Metadata.NamespaceProperty);
        Assert.Equal(
            new[] { ("coordination.k8s.io", "leases", "create"), ("coordination.k8s.io", "leases", "get"), ("coordination.k8s.io", "leases", "update") },
            Flatten(role.Rules).Order());
    }

    [Fact]
    public void No_rule_uses_wildcards_resource_names_or_non_resource_urls()
    {
        var chart = _helm.Template();
        var rules = chart.Single<V1ClusterRole>().Rules.Concat(chart.Single<V1Role>().Rules);

        Assert.All(rules, rule =>
        {
            Assert.DoesNotContain("*", rule.Verbs);
            Assert.DoesNotContain("*", rule.Resources);
            Assert.DoesNotContain("*", rule.ApiGroups);
            Assert.Null(rule.ResourceNames);
            Assert.Null(rule.NonResourceURLs);
        });
    }

    [Fact]
    public void Bindings_give_the_roles_to_the_operator_service_account()
    {
        var chart = _helm.Template();
        var account = chart.Single<V1ServiceAccount>();
        var deployment = chart.Single<V1Deployment>();

        var clusterBinding = chart.Single<V1ClusterRoleBinding>();
        var binding = chart.Single<V1RoleBinding>();
        Assert.Equal(chart.Single<V1ClusterRole>().Metadata.Name, clusterBinding.RoleRef.Name);
        Assert.Equal(chart.Single<V1Role>().Metadata.Name, binding.RoleRef.Name);
        foreach (var subject in clusterBinding.Subjects.Concat(binding.Subjects))
        {
            Assert.Equal("ServiceAccount", subject.Kind);
            Assert.Equal(account.Metadata.Name, subject.Name);
            Assert.Equal(HelmCli.Namespace, subject.NamespaceProperty);
        }

        Assert.Equal(account.Metadata.Name, deployment.Spec.Template.Spec.ServiceAccountName);
    }

    [Fact]
    public void Nothing_else_grants_access()
    {
        var chart = _helm.Template();

        Assert.Single(chart.All<V1ClusterRole>());
        Assert.Single(chart.All<V1Role>());
        Assert.Single(chart.All<V1ClusterRoleBinding>());
        Assert.Single(chart.All<V1RoleBinding>());
    }

    private static HashSet<(string Group, string Resource, string Verb)> Expected(params TheoryData<string, string, string>[] grants) =>
        grants.SelectMany(data => data).Select(row => ((string)row[0], (string)row[1], (string)row[2]))
            .SelectMany(row => row.Item3.Split(',').Select(verb => (row.Item1, row.Item2, verb)))
            .ToHashSet();

    private static IEnumerable<(string Group, string Resource, string Verb)> Flatten(IEnumerable<V1PolicyRule> rules) =>
        from rule in rules
        from apiGroup in rule.ApiGroups
        from resource in rule.Resources
        from verb in rule.Verbs
        select (apiGroup, resource, verb);

    public void Dispose() => _helm.Dispose();
}

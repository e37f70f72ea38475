using k8s;
using LbOperator.Kubernetes.PolicyReports;
using LbOperator.Tests.Commands;

namespace LbOperator.Tests.Check;

public class PolicyReportOutputTests
{
    private const string TwoNamespaces = """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop, uid: 5e1a0c3c-1b7d-4c55-9a0e-2f6ad1d2b7aa}
        spec: {type: ClusterIP, ports: [{port: 80}]}
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: web-1, namespace: shop, labels: {kubernetes.io/service-name: web}}
        addressType: IPv4
        endpoints:
        - {addresses: [10.0.0.1], nodeName: node-a}
        - {addresses: [10.0.0.2], nodeName: node-b}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: api, namespace: backend}
        spec: {type: ClusterIP, ports: [{port: 80}]}
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: api-1, namespace: backend, labels: {kubernetes.io/service-name: api}}
        addressType: IPv4
        endpoints:
        - {addresses: [10.0.1.1], nodeName: node-a}
        - {addresses: [10.0.1.2], nodeName: node-b}
        """;

    [Fact]
    public void The_outage_prints_a_policy_report_with_a_failing_LB001_result_and_skew_three()
    {
        var run = CheckInvocation.Run("check", "-f", CheckInvocation.FixturePath("outage-replay.yaml"), "-o", "policyreport");

        var report = Assert.Single(Documents(run.Stdout));
        Assert.Equal((1, "wgpolicyk8s.io/v1alpha2", "PolicyReport", "lb-operator", "shop"),
            (run.ExitCode, report.ApiVersion, report.Kind, report.Metadata.Name, report.Metadata.NamespaceProperty));
        var failed = Assert.Single(report.Results!, result => result.Result == "fail");
        Assert.Equal(("LB001-TrafficSkew", "high", "3"), (failed.Rule, failed.Severity, failed.Properties!["skew"]));
        Assert.Equal(report.Results!.Count - 1, report.Summary!.Pass);
    }

    [Fact]
    public void Each_namespace_gets_its_own_document_in_namespace_order_with_the_uid_from_the_manifest()
    {
        var run = CheckInvocation.RunWithStdin(TwoNamespaces, "check", "-f", "-", "-o", "policyreport");

        var reports = Documents(run.Stdout);
        Assert.Equal(["backend", "shop"], reports.Select(report => report.Metadata.NamespaceProperty));
        var web = Assert.Single(reports[1].Results!);
        Assert.Equal(("pass", "5e1a0c3c-1b7d-4c55-9a0e-2f6ad1d2b7aa"), (web.Result, web.Resources![0].Uid));
        Assert.Null(Assert.Single(reports[0].Results!).Resources![0].Uid);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Report_api_openreports_prints_openreports_reports()
    {
        var run = CheckInvocation.RunWithStdin(TwoNamespaces, "check", "-f", "-", "-o", "policyreport", "--report-api", "openreports");

        Assert.All(Documents(run.Stdout), report => Assert.Equal(("openreports.io/v1alpha1", "Report"), (report.ApiVersion, report.Kind)));
    }

    [Theory]
    [InlineData("kyverno", "--report-api must be wgpolicyk8s or openreports, not 'kyverno'")]
    [InlineData(null, "Required argument missing for option: '--report-api'")]
    public void An_unknown_report_api_is_a_usage_error(string? value, string message)
    {
        string[] args = ["check", "-f", CheckInvocation.FixturePath("outage-replay.yaml"), "-o", "policyreport", "--report-api"];
        var run = CheckInvocation.Run(value is null ? args : [.. args, value]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    private static List<ReportDocument> Documents(string yaml) =>
        yaml.Split("\n---\n").Select(document => KubernetesYaml.Deserialize<ReportDocument>(document)).ToList();
}

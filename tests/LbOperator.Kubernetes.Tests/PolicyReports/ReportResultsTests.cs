using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.PolicyReports;

namespace LbOperator.Kubernetes.Tests.PolicyReports;

public class ReportResultsTests
{
    private static readonly ObjectRef Web = new(ObjectKind.Service, "shop", "web");

    [Theory]
    [InlineData(Severity.Error, "fail", "high")]
    [InlineData(Severity.Warning, "warn", "medium")]
    [InlineData(Severity.Info, "pass", "info")]
    public void A_finding_becomes_one_result_with_the_outcome_and_severity_of_its_severity(Severity severity, string result, string reportSeverity)
    {
        var mapped = Assert.Single(ReportResults.Map([Audited(Web, Skewed(severity))]));

        Assert.Equal((result, reportSeverity), (mapped.Result, mapped.Severity));
    }

    [Fact]
    public void A_skew_finding_names_the_rule_and_carries_skew_entry_point_and_cause_as_strings()
    {
        var mapped = Assert.Single(ReportResults.Map([Audited(Web, Skewed(Severity.Error))]));

        Assert.Equal(("lb-operator", "load-balancing", "LB001-TrafficSkew", "Load Balancing"), (mapped.Source, mapped.Policy, mapped.Rule, mapped.Category));
        Assert.Equal("web: 50% of traffic goes to web-1.", mapped.Message);
        Assert.Equal(
            new Dictionary<string, string> { ["cause"] = "externalTrafficPolicyLocal", ["entryPoint"] = "web", ["skew"] = "3" },
            mapped.Properties);
    }

    [Theory]
    [InlineData(1.0 / 3, "0.333333")]
    [InlineData(0.5, "0.5")]
    [InlineData(1.0, "1")]
    public void A_blackholed_share_is_written_with_at_most_six_decimals(double share, string expected)
    {
        var finding = new Finding("LB002", "TrafficBlackholed", Severity.Error, Web, "web", "web: blackholed.", BlackholedShare: share);

        var mapped = Assert.Single(ReportResults.Map([Audited(Web, finding)]));

        Assert.Equal(("LB002-TrafficBlackholed", expected), (mapped.Rule, mapped.Properties!["blackholedShare"]));
        Assert.False(mapped.Properties.ContainsKey("cause"));
    }

    [Fact]
    public void An_object_without_findings_gets_one_pass_result_without_severity()
    {
        var mapped = Assert.Single(ReportResults.Map([new AuditedFindings(Web, "v1", "uid-1", [])]));

        Assert.Equal(("pass", null, "all-rules", null), (mapped.Result, mapped.Severity, mapped.Rule, mapped.Properties));
        Assert.Equal("Service shop/web: no load-balancing finding.", mapped.Message);
    }

    [Fact]
    public void The_resource_is_the_object_reference_with_its_uid()
    {
        var mapped = Assert.Single(ReportResults.Map([Audited(Web, Skewed(Severity.Error))]));

        var resource = Assert.Single(mapped.Resources!);
        Assert.Equal(("v1", "Service", "shop", "web", "uid-web"), (resource.ApiVersion, resource.Kind, resource.NamespaceProperty, resource.Name, resource.Uid));
    }

    [Fact]
    public void The_order_is_kind_name_rule_then_entry_point_whatever_the_input_order()
    {
        var api = new ObjectRef(ObjectKind.Service, "shop", "api");
        var route = new ObjectRef(ObjectKind.HttpRoute, "shop", "split");
        AuditedFindings[] audited =
        [
            Audited(Web, Skewed(Severity.Warning), new Finding("LB004", "SingleFailureDomain", Severity.Warning, Web, "web", "one node")),
            new(route, "gateway.networking.k8s.io/v1", "uid-r", [
                new Finding("LB001", "TrafficSkew", Severity.Error, route, "rule-2", "rule-2 skewed", 3),
                new Finding("LB001", "TrafficSkew", Severity.Error, route, "rule-1", "rule-1 skewed", 3)]),
            new(api, "v1", "uid-api", []),
        ];

        var forward = ReportResults.Map(audited).Select(Line).ToArray();
        var backward = ReportResults.Map(audited.Reverse()).Select(Line).ToArray();

        Assert.Equal(
            ["HTTPRoute/split LB001-TrafficSkew rule-1", "HTTPRoute/split LB001-TrafficSkew rule-2", "Service/api all-rules ", "Service/web LB001-TrafficSkew web", "Service/web LB004-SingleFailureDomain web"],
            forward);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void The_summary_counts_each_outcome()
    {
        var results = ReportResults.Map(
        [
            Audited(Web, Skewed(Severity.Error), new Finding("LB004", "SingleFailureDomain", Severity.Warning, Web, "web", "one node")),
            new AuditedFindings(new ObjectRef(ObjectKind.Service, "shop", "a"), "v1", null, []),
            new AuditedFindings(new ObjectRef(ObjectKind.Service, "shop", "b"), "v1", null, []),
        ]);

        Assert.Equal(new ReportSummary(pass: 2, fail: 1, warn: 1, error: 0, skip: 0), ReportSummary.Of(results));
    }

    internal static Finding Skewed(Severity severity) =>
        new("LB001", "TrafficSkew", severity, Web, "web", "web: 50% of traffic goes to web-1.", Skew: 3.0, Cause: SkewCause.ExternalTrafficPolicyLocal);

    internal static AuditedFindings Audited(ObjectRef target, params Finding[] findings) => new(target, "v1", "uid-" + target.Name, findings);

    private static string Line(ReportResult result) =>
        $"{result.Resources![0].Kind}/{result.Resources[0].Name} {result.Rule} {(result.Properties is { } properties && properties.TryGetValue("entryPoint", out var entryPoint) ? entryPoint : "")}";
}

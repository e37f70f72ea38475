using k8s;
using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.PolicyReports;

namespace LbOperator.Kubernetes.Tests.PolicyReports;

public class ReportDocumentsTests
{
    private static readonly DateTimeOffset FirstSeen = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = FirstSeen.AddMinutes(10);
    private static readonly ObjectRef Web = new(ObjectKind.Service, "shop", "web");

    [Theory]
    [InlineData("wgpolicyk8s", "wgpolicyk8s.io/v1alpha2", "PolicyReport")]
    [InlineData("openreports", "openreports.io/v1alpha1", "Report")]
    public void A_report_is_named_lb_operator_in_its_namespace_with_both_labels(string apiName, string apiVersion, string kind)
    {
        var report = ReportDocuments.Build(ReportApi.Find(apiName)!, "shop", [ReportResultsTests.Audited(Web)], null, FirstSeen);

        Assert.Equal((apiVersion, kind, "lb-operator", "shop"), (report.ApiVersion, report.Kind, report.Metadata.Name, report.Metadata.NamespaceProperty));
        Assert.Equal(
            new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "lb-operator", ["app.kubernetes.io/created-by"] = "lb-operator" },
            report.Metadata.Labels);
        Assert.Equal(new ReportSummary(1, 0, 0, 0, 0), report.Summary);
    }

    [Fact]
    public void An_unchanged_result_keeps_the_time_it_was_first_seen_so_the_rebuilt_report_has_the_same_content()
    {
        var first = Build([ReportResultsTests.Audited(Web, ReportResultsTests.Skewed(Severity.Error))], null, FirstSeen);

        var again = Build([ReportResultsTests.Audited(Web, ReportResultsTests.Skewed(Severity.Error))], first, Later);

        Assert.Equal(new ReportTimestamp(FirstSeen.ToUnixTimeSeconds(), 0), Assert.Single(again.Results!).Timestamp);
        Assert.True(ReportDocuments.HasSameContent(first, again));
    }

    [Fact]
    public void A_changed_result_is_stamped_with_the_time_of_the_change()
    {
        var first = Build([ReportResultsTests.Audited(Web, ReportResultsTests.Skewed(Severity.Error))], null, FirstSeen);

        var fixedReport = Build([ReportResultsTests.Audited(Web)], first, Later);

        var result = Assert.Single(fixedReport.Results!);
        Assert.Equal(("pass", Later.ToUnixTimeSeconds()), (result.Result, result.Timestamp!.Seconds));
        Assert.False(ReportDocuments.HasSameContent(first, fixedReport));
    }

    [Fact]
    public void A_report_read_back_from_the_api_server_has_the_same_content_as_the_one_written()
    {
        var written = Build([ReportResultsTests.Audited(Web, ReportResultsTests.Skewed(Severity.Warning))], null, FirstSeen);
        var json = KubernetesJson.Serialize(written).Replace("\"labels\":{", "\"labels\":{\"team\":\"shop\",", StringComparison.Ordinal);

        var readBack = KubernetesJson.Deserialize<ReportDocument>(json);

        Assert.True(ReportDocuments.HasSameContent(readBack, Build([ReportResultsTests.Audited(Web, ReportResultsTests.Skewed(Severity.Warning))], readBack, Later)));
    }

    [Fact]
    public void A_report_without_the_labels_is_rewritten()
    {
        var written = Build([ReportResultsTests.Audited(Web)], null, FirstSeen);
        var unlabelled = Build([ReportResultsTests.Audited(Web)], written, Later);
        unlabelled.Metadata.Labels = null;

        Assert.False(ReportDocuments.HasSameContent(unlabelled, written));
    }

    [Fact]
    public void Every_namespace_with_audited_objects_gets_its_own_report_in_namespace_order()
    {
        var reports = ReportDocuments.BuildAll(ReportApi.PolicyReport,
        [
            ReportResultsTests.Audited(new ObjectRef(ObjectKind.Service, "web", "front")),
            ReportResultsTests.Audited(Web),
            ReportResultsTests.Audited(new ObjectRef(ObjectKind.Ingress, "shop", "store")),
        ], FirstSeen);

        Assert.Equal([("shop", 2), ("web", 1)], reports.Select(report => (report.Metadata.NamespaceProperty, report.Results!.Count)));
    }

    private static ReportDocument Build(IEnumerable<AuditedFindings> audited, ReportDocument? previous, DateTimeOffset now) =>
        ReportDocuments.Build(ReportApi.PolicyReport, "shop", audited, previous, now);
}

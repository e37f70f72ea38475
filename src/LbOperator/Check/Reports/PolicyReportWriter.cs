using LbOperator.Kubernetes.Mapping;
using k8s;
using k8s.Models;
using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.Manifests;
using LbOperator.Kubernetes.PolicyReports;

namespace LbOperator.Check.Reports;

/// <summary>
/// <c>check --output policyreport</c>: the reports the operator would keep, one YAML document per
/// namespace, so a CI job can archive the audit of a release. Every audited object (each object that
/// shapes an entry point or carries a finding) gets its results; uid and apiVersion come from the manifest.
/// </summary>
internal sealed class PolicyReportWriter : IReportWriter
{
    public void Write(CheckResult result, TextWriter output, bool useColour)
    {
        var report = result.Report;
        var defined = result.Inputs.Objects
            .Select(item => (Ref: RefOf(item), Item: item))
            .Where(pair => pair.Ref is not null)
            .GroupBy(pair => pair.Ref!)
            .ToDictionary(group => group.Key, group => group.Last().Item);
        var findings = report.Findings.ToLookup(finding => finding.Object);
        var audited = report.EntryPoints.SelectMany(result => result.EntryPoint.Objects)
            .Concat(report.Findings.Select(finding => finding.Object))
            .Distinct()
            .Select(target => new AuditedFindings(target,
                defined.GetValueOrDefault(target)?.ApiVersion ?? DefaultApiVersion(target.Kind),
                defined.GetValueOrDefault(target)?.Uid,
                findings[target].ToArray()));

        var first = true;
        foreach (var document in ReportDocuments.BuildAll(result.Settings.ReportApi, audited, result.Now))
        {
            if (!first)
            {
                output.WriteLine("---");
            }

            output.WriteLine(KubernetesYaml.Serialize(document).TrimEnd('\n'));
            first = false;
        }
    }

    private static ObjectRef? RefOf(ManifestObject item)
    {
        ObjectKind? kind = item.Kind switch
        {
            V1Service.KubeKind => ObjectKind.Service,
            V1Ingress.KubeKind => ObjectKind.Ingress,
            HttpRoute.KubeKind => ObjectKind.HttpRoute,
            _ => null,
        };
        return kind is null ? null : new ObjectRef(kind.Value, item.Namespace ?? MetadataReader.DefaultNamespace, item.Name);
    }

    private static string DefaultApiVersion(ObjectKind kind) => kind switch
    {
        ObjectKind.Ingress => "networking.k8s.io/v1",
        ObjectKind.HttpRoute => HttpRoute.KubeApiVersion,
        _ => "v1",
    };
}

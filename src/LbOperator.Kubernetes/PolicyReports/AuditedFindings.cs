using LbOperator.Core.Analysis;
using LbOperator.Core.Model;

namespace LbOperator.Kubernetes.PolicyReports;

/// <summary>
/// One audited object and the findings attached to it (none when it passed). <paramref name="Uid"/> is
/// null for an object read from a manifest that never was in a cluster.
/// </summary>
public sealed record AuditedFindings(ObjectRef Object, string ApiVersion, string? Uid, IReadOnlyList<Finding> Findings);

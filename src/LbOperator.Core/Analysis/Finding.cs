using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis;

/// <summary>
/// A rule hit on one object. <see cref="Skew"/> is set on LB001 and <see cref="BlackholedShare"/> on LB002.
/// <see cref="Object"/> is the object that carries the cause (a canary Ingress for a canary weight).
/// </summary>
public sealed record Finding(
    string RuleId,
    string RuleName,
    Severity Severity,
    ObjectRef Object,
    string EntryPoint,
    string Message,
    double? Skew = null,
    double? BlackholedShare = null,
    SkewCause Cause = SkewCause.None);

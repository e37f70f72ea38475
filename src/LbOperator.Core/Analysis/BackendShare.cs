namespace LbOperator.Core.Analysis;

/// <summary>
/// The fraction of an entry point's traffic sent to one backend Service. A backend that is
/// <paramref name="Missing"/> or has no ready endpoints blackholes its share.
/// </summary>
public sealed record BackendShare(string Namespace, string Service, double Share, int ReadyEndpoints, bool Missing);

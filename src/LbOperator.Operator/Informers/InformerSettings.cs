namespace LbOperator.Operator.Informers;

/// <summary>
/// How an informer runs. <see cref="Scopes"/> are the namespaces it lists and watches separately (a
/// single null = cluster-wide); <see cref="AdmitsNamespace"/> drops excluded namespaces on arrival.
/// </summary>
public sealed record InformerSettings(
    IReadOnlyList<string?> Scopes,
    Func<string, bool> AdmitsNamespace,
    TimeSpan WatchSilenceTimeout,
    TimeSpan WatchTimeout)
{
    /// <summary>Delay before retrying after a failed list or watch; doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);
}

namespace LbOperator.ApiEmulator.Faults;

public enum FaultKind
{
    /// <summary>429 TooManyRequests with a Retry-After header, as API priority and fairness answers.</summary>
    TooManyRequests,

    /// <summary>500 InternalError.</summary>
    ServerError,

    /// <summary>403 Forbidden, as RBAC answers a verb the service account lacks.</summary>
    Forbidden,

    /// <summary>The request is served normally after a delay.</summary>
    Slow,

    /// <summary>A watch is accepted and then sends nothing, not even bookmarks, and never ends.</summary>
    SilentWatch,
}

namespace LbOperator.Operator.Informers;

/// <summary>What API discovery says about one resource of an optional API group.</summary>
public enum DiscoveryAnswer
{
    /// <summary>The group, version and resource are served.</summary>
    Served,

    /// <summary>The group version is unknown (404) or lacks the resource: the CRD is not installed.</summary>
    NotServed,

    /// <summary>
    /// The server cannot say yet: 503 while a freshly installed CRD's group is being registered, or 429
    /// when it sheds load. Neither means the resource is absent; ask again soon.
    /// </summary>
    AskAgainSoon,
}

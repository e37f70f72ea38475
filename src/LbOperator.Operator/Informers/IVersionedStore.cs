namespace LbOperator.Operator.Informers;

/// <summary>
/// A store that counts its changes: while <see cref="Version"/> stays the same, its content has not
/// changed, so anything derived from a full listing of it can be kept.
/// </summary>
public interface IVersionedStore
{
    long Version { get; }
}

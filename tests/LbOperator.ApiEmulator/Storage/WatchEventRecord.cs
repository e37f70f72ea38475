namespace LbOperator.ApiEmulator.Storage;

/// <summary>One change in the history window watches replay from. <see cref="Previous"/> is null for ADDED.</summary>
public sealed record WatchEventRecord(string Type, StoredObject Object, StoredObject? Previous)
{
    public long ResourceVersion => Object.ResourceVersion;
}

using LbOperator.Core.Model;

namespace LbOperator.Operator.Queue;

/// <summary>A set of keys that must each be processed once, after the pass began, for it to complete.</summary>
internal sealed class AuditPass(HashSet<ObjectRef> remaining, long startedAt)
{
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completion => completion.Task;

    public long StartedAt { get; } = startedAt;

    /// <summary>Marks <paramref name="key"/> done if it was taken after the pass began; true when the pass is complete.</summary>
    public bool Processed(ObjectRef key, long takenAt)
    {
        if (takenAt > StartedAt)
        {
            remaining.Remove(key);
        }

        return TryComplete();
    }

    public bool TryComplete()
    {
        if (remaining.Count > 0)
        {
            return false;
        }

        completion.TrySetResult();
        return true;
    }

    public void Cancel() => completion.TrySetCanceled();
}

namespace LbOperator.Operator.Reports;

/// <summary>
/// The namespaces whose report may be out of date, coalesced: marking one many times before the writer
/// takes it costs one rebuild. Marking never blocks, so reconciles are never held up by report writes.
/// </summary>
public sealed class ReportNamespaces
{
    private readonly Lock gate = new();
    private readonly HashSet<string> dirty = new(StringComparer.Ordinal);
    private TaskCompletionSource marked = NewSignal();
    private bool all;

    /// <summary>Completes once something is marked after the last <see cref="Take"/>.</summary>
    public Task Marked
    {
        get
        {
            lock (gate)
            {
                return marked.Task;
            }
        }
    }

    public void Mark(string @namespace)
    {
        lock (gate)
        {
            dirty.Add(@namespace);
            marked.TrySetResult();
        }
    }

    /// <summary>Every namespace: those with audited objects and those that have a report.</summary>
    public void MarkAll()
    {
        lock (gate)
        {
            all = true;
            marked.TrySetResult();
        }
    }

    public (IReadOnlyCollection<string> Namespaces, bool All) Take()
    {
        lock (gate)
        {
            var taken = (dirty.ToArray(), all);
            dirty.Clear();
            all = false;
            if (marked.Task.IsCompleted)
            {
                marked = NewSignal();
            }

            return taken;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

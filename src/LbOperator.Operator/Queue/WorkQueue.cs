using LbOperator.Core.Model;
using LbOperator.Operator.Metrics;

namespace LbOperator.Operator.Queue;

/// <summary>
/// The reconcile queue, with client-go's guarantees: a key waits at most once (deduplicated), is handed
/// to at most one worker at a time, and a key added while in flight is processed again after
/// <see cref="Done"/>. Delayed and backed-off adds use the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class WorkQueue : IDisposable
{
    private readonly Lock gate = new();
    private readonly Queue<ObjectRef> ready = new();
    private readonly HashSet<ObjectRef> dirty = [];
    private readonly Dictionary<ObjectRef, long> processing = [];
    private readonly Dictionary<ObjectRef, (DateTimeOffset Due, ITimer Timer)> waiting = [];
    private readonly List<AuditPass> passes = [];
    private readonly SemaphoreSlim available = new(0);
    private readonly TimeProvider time;
    private readonly OperatorMetrics metrics;
    private long taken;
    private bool shuttingDown;

    public WorkQueue(TimeProvider time, OperatorMetrics metrics, ItemBackoff? backoff = null)
    {
        this.time = time;
        this.metrics = metrics;
        Backoff = backoff ?? ItemBackoff.Default();
    }

    public ItemBackoff Backoff { get; }

    /// <summary>Keys waiting to be taken (not counting delayed ones or those in flight).</summary>
    public int Depth
    {
        get
        {
            lock (gate)
            {
                return ready.Count;
            }
        }
    }

    /// <summary>Keys waiting for a delay (RequeueAfter or backoff) to pass.</summary>
    public int Delayed
    {
        get
        {
            lock (gate)
            {
                return waiting.Count;
            }
        }
    }

    public bool IsShuttingDown
    {
        get
        {
            lock (gate)
            {
                return shuttingDown;
            }
        }
    }

    public void Add(ObjectRef key)
    {
        lock (gate)
        {
            if (shuttingDown || !dirty.Add(key))
            {
                return;
            }

            if (!processing.ContainsKey(key))
            {
                Enqueue(key);
            }
        }
    }

    public void AddRange(IEnumerable<ObjectRef> keys)
    {
        foreach (var key in keys)
        {
            Add(key);
        }
    }

    /// <summary>Adds the key once <paramref name="delay"/> has passed; an earlier pending delay wins.</summary>
    public void AddAfter(ObjectRef key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (gate)
        {
            var due = time.GetUtcNow() + delay;
            if (shuttingDown || (waiting.TryGetValue(key, out var pending) && pending.Due <= due))
            {
                return;
            }

            pending.Timer?.Dispose();
            var timer = time.CreateTimer(_ => Fire(key), null, delay, Timeout.InfiniteTimeSpan);
            waiting[key] = (due, timer);
        }
    }

    /// <summary>Adds the key after its next backoff delay (5 ms, 10 ms, … 5 min).</summary>
    public void AddRateLimited(ObjectRef key) => AddAfter(key, Backoff.Next(key));

    /// <summary>Resets the key's backoff after a success.</summary>
    public void Forget(ObjectRef key) => Backoff.Forget(key);

    /// <summary>Waits for the next key; null once the queue is shutting down.</summary>
    public async Task<ObjectRef?> TakeAsync(CancellationToken cancellationToken)
    {
        await available.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            if (shuttingDown || ready.Count == 0)
            {
                available.Release();
                return null;
            }

            var key = ready.Dequeue();
            dirty.Remove(key);
            processing[key] = ++taken;
            metrics.QueueDepth.Set(ready.Count);
            return key;
        }
    }

    /// <summary>Marks the key finished; if it was added meanwhile it becomes ready again.</summary>
    public void Done(ObjectRef key)
    {
        lock (gate)
        {
            if (!processing.Remove(key, out var takenAt))
            {
                return;
            }

            passes.RemoveAll(p => p.Processed(key, takenAt));
            if (dirty.Contains(key) && !shuttingDown)
            {
                Enqueue(key);
            }
        }
    }

    /// <summary>Adds every key and completes once each has been processed after this call.</summary>
    public Task AddAuditPass(IEnumerable<ObjectRef> keys)
    {
        var set = keys.ToHashSet();
        AuditPass pass;
        lock (gate)
        {
            pass = new AuditPass(set, taken);
            if (!pass.TryComplete())
            {
                passes.Add(pass);
            }
        }

        AddRange(set);
        return pass.Completion;
    }

    /// <summary>Stops handing out keys: waiting and future <see cref="TakeAsync"/> calls return null.</summary>
    public void ShutDown()
    {
        lock (gate)
        {
            shuttingDown = true;
            foreach (var (_, timer) in waiting.Values)
            {
                timer.Dispose();
            }

            waiting.Clear();
            passes.ForEach(p => p.Cancel());
            passes.Clear();
            available.Release();
        }
    }

    public void Dispose()
    {
        ShutDown();
        available.Dispose();
    }

    private void Fire(ObjectRef key)
    {
        lock (gate)
        {
            if (waiting.Remove(key, out var entry))
            {
                entry.Timer.Dispose();
            }
        }

        Add(key);
    }

    private void Enqueue(ObjectRef key)
    {
        ready.Enqueue(key);
        metrics.QueueDepth.Set(ready.Count);
        available.Release();
    }
}

using System.Threading.Channels;
using k8s;
using LbOperator.Core.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LbOperator.Runtime.Events;

/// <summary>
/// One recorder per process, like client-go's: callers hand Events over and return at once; a single background
/// <see cref="EventWriter"/> correlates and writes them through the API write gate (token bucket, retries). Past
/// <see cref="QueueCapacity"/> queued, an Event is dropped and counted in <c>lb_operator_events_dropped_total</c>.
/// Audit Events are written by the leader only, once it has listed the Events this component already wrote,
/// so a restart or a failover announces nothing twice; until then they are held back (<see cref="HeldBackEvents"/>).
/// Admission Events are written by the replica that answered.
/// </summary>
public sealed partial class EventRecorder : IEventRecorder, IHostedService, IDisposable
{
    public const int QueueCapacity = 4096;

    /// <summary>The API server's default <c>--event-ttl</c>: a held-back Event older than this would have expired anyway.</summary>
    public static readonly TimeSpan EventTtl = TimeSpan.FromHours(1);

    private readonly EventApi _api;
    private readonly EventWriter _writer;
    private readonly ILeadership _leadership;
    private readonly IAuditProgress? _audit;
    private readonly IReadOnlyCollection<string> _namespaces;
    private readonly EventMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<EventRecorder> _logger;
    private readonly Channel<Work> _work = Channel.CreateUnbounded<Work>();
    private readonly Lock _gate = new();
    private readonly HeldBackEvents _heldBack = new();
    private Dictionary<ObjectRef, HashSet<string>> _open = [];
    private readonly CancellationTokenSource _stopWriting = new();
    private Task _loop = Task.CompletedTask;
    private bool _ready;
    private int _queued;
    private volatile bool _busy;

    /// <param name="audit">The operator's audit, when the process runs one: earlier Events are listed once its first pass has completed.</param>
    /// <param name="namespaces">Where to list earlier Events: the watched namespaces, all when empty.</param>
    public EventRecorder(IKubernetes client, IApiWriteGate gate, EventSource source, ILeadership leadership, IAuditProgress? audit,
        IReadOnlyCollection<string> namespaces, EventMetrics metrics, TimeProvider time, ILogger<EventRecorder> logger)
    {
        ArgumentNullException.ThrowIfNull(leadership);
        _api = new EventApi(client, gate, source);
        _writer = new EventWriter(_api, metrics, logger);
        _leadership = leadership;
        _audit = audit;
        _namespaces = namespaces;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        leadership.LeadershipGained += RequestSync;
    }

    /// <summary>Raised after each listing with the objects whose announced findings are still open, so they are reconciled again.</summary>
    public event Action<IReadOnlyCollection<ObjectRef>>? Synced;

    /// <summary>Events waiting for the writer.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>Nothing queued and nothing being written.</summary>
    internal bool IsIdle => _work.Reader.Count == 0 && !_busy;

    public void Audit(EventTarget target, IReadOnlyList<PlannedEvent> events, IReadOnlyCollection<string>? presentReasons)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(events);
        lock (_gate)
        {
            if (!_ready || !_leadership.IsLeader)
            {
                _ready &= _leadership.IsLeader;
                HoldBack(target, events);
                return;
            }

            foreach (var planned in events)
            {
                Enqueue(new Work(target, planned with { Message = EventMessage.Truncate(planned.Message) }, Audited: true));
            }

            if (_open.Remove(target.Object, out var open) && presentReasons is not null
                && open.Except(presentReasons).Order(StringComparer.Ordinal).ToArray() is { Length: > 0 } gone
                && !events.Any(planned => planned.Reason == EventReasons.TrafficBalanced))
            {
                var message = $"Resolved while no lb-operator leader was running: {string.Join(", ", gone)} no longer found.";
                Enqueue(new Work(target, new PlannedEvent(EventTypes.Normal, EventReasons.TrafficBalanced, message, _time.GetUtcNow()), Audited: true));
            }
        }
    }

    public bool Admission(EventTarget target, string reason, string message)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Enqueue(new Work(target, new PlannedEvent(EventTypes.Warning, reason, EventMessage.Truncate(message), _time.GetUtcNow()), Audited: false));
    }

    // Unlike audit Events, nothing is held back: the listing of earlier Events was queued when leadership was
    // gained, so the single writer seeds the correlator with it before it writes this one.
    public bool Announce(EventTarget target, string type, string reason, string message)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!_leadership.IsLeader)
        {
            return false;
        }

        return Enqueue(new Work(target, new PlannedEvent(type, reason, EventMessage.Truncate(message), _time.GetUtcNow()), Audited: true));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = RunAsync(_stopWriting.Token);
        return Task.CompletedTask;
    }

    /// <summary>Writes what is queued until <paramref name="cancellationToken"/> fires, then abandons the rest.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _work.Writer.TryComplete();
        await using var registration = cancellationToken.Register(_stopWriting.Cancel).ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
    }

    /// <summary>Takes no more Events and writes those queued, within <paramref name="budget"/>.</summary>
    public async Task DrainAsync(TimeSpan budget)
    {
        _work.Writer.TryComplete();
        _stopWriting.CancelAfter(budget);
        await _loop.ConfigureAwait(false);
    }

    public void Dispose() => _stopWriting.Dispose();

    /// <summary>The single writer: runs until the queue is completed and empty, or until stopped.</summary>
    internal async Task RunAsync(CancellationToken stoppingToken)
    {
        if (_leadership.IsLeader)
        {
            RequestSync();
        }

        try
        {
            while (await _work.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                _busy = true;
                while (_work.Reader.TryRead(out var work))
                {
                    if (work.Target is null)
                    {
                        await SyncAsync(stoppingToken).ConfigureAwait(false);
                        continue;
                    }

                    Interlocked.Decrement(ref _queued);
                    await WriteAsync(work.Target, work.Event!, work.Audited, stoppingToken).ConfigureAwait(false);
                }

                _busy = false;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            EventRecorderLog.Abandoned(_logger, Queued);
        }
    }

    private void RequestSync()
    {
        lock (_gate)
        {
            _ready = false;
        }

        _work.Writer.TryWrite(new Work(null, null, Audited: true));
    }

    private void HoldBack(EventTarget target, IReadOnlyList<PlannedEvent> events) =>
        _heldBack.Add(target, events.Select(planned => planned with { Message = EventMessage.Truncate(planned.Message) }), _time.GetUtcNow());

    private bool Enqueue(Work work)
    {
        if (Interlocked.Increment(ref _queued) <= QueueCapacity && _work.Writer.TryWrite(work))
        {
            return true;
        }

        Interlocked.Decrement(ref _queued);
        _metrics.Dropped.Inc();
        EventRecorderLog.Dropped(_logger, work.Event!.Reason, work.Target!.Object.ToString());
        return false;
    }

    private async Task WriteAsync(EventTarget target, PlannedEvent planned, bool audited, CancellationToken cancellationToken)
    {
        if (audited && !_leadership.IsLeader)
        {
            lock (_gate)
            {
                _ready = false;
                HoldBack(target, [planned]);
            }

            return;
        }

        await _writer.WriteAsync(target, planned, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An Event to write, or (with no target) a request to list what exists first.</summary>
    private sealed record Work(EventTarget? Target, PlannedEvent? Event, bool Audited);
}

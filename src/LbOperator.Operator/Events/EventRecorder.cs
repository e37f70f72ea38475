using System.Threading.Channels;
using k8s;
using LbOperator.Core.Model;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LbOperator.Operator.Events;

/// <summary>An Event decided by a reconcile and handed to the recorder; <see cref="PlannedAt"/> ages held-back Events.</summary>
public sealed record PlannedEvent(string Type, string Reason, string Message, DateTimeOffset PlannedAt);

/// <summary>Where reconciles and admission reviews hand their Events. Never blocks, never throws for a write.</summary>
public interface IEventRecorder
{
    /// <summary>
    /// The Events one reconcile decided for <paramref name="target"/>, and the reasons of the findings it has
    /// now (null for an object that opted out): a finding an earlier leader announced and that went away
    /// while no leader ran is resolved from these.
    /// </summary>
    void Audit(EventTarget target, IReadOnlyList<PlannedEvent> events, IReadOnlyCollection<string>? presentReasons);

    /// <summary>A Warning about an admission review, written by the replica that answered it; false when dropped.</summary>
    bool Admission(EventTarget target, string reason, string message);
}

/// <summary>
/// One recorder per process, like client-go's: callers hand Events over and return at once; a single
/// background writer correlates them (<see cref="EventCorrelator"/>), and writes them through the API write
/// gate (token bucket, retries). The queue is bounded at <see cref="QueueCapacity"/>: past it, and after a
/// write that failed every retry, an Event is dropped and counted in <c>lb_operator_events_dropped_total</c>.
/// Audit Events are written by the leader only, and only once it has listed the Events this component
/// already wrote, so a restart or a failover announces nothing twice; until then they are held back (at most
/// <see cref="HeldBackPerObject"/> per object, younger than <see cref="EventTtl"/>). Admission Events are
/// written by the replica that answered.
/// </summary>
public sealed partial class EventRecorder : IEventRecorder, IHostedService, IDisposable
{
    public const int QueueCapacity = 4096;

    public const int HeldBackPerObject = 8;

    /// <summary>The API server's default <c>--event-ttl</c>: a held-back Event older than this would have expired anyway.</summary>
    public static readonly TimeSpan EventTtl = TimeSpan.FromHours(1);

    private readonly EventApi _api;
    private readonly EventCorrelator _correlator = new();
    private readonly ILeadership _leadership;
    private readonly IReadOnlyCollection<string> _namespaces;
    private readonly OperatorMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<EventRecorder> _logger;
    private readonly Channel<Work> _work = Channel.CreateUnbounded<Work>();
    private readonly Lock _gate = new();
    private readonly Dictionary<ObjectRef, List<(EventTarget Target, PlannedEvent Event)>> _heldBack = [];
    private Dictionary<ObjectRef, HashSet<string>> _open = [];
    private readonly CancellationTokenSource _stopWriting = new();
    private Task _writer = Task.CompletedTask;
    private bool _ready;
    private int _queued;
    private volatile bool _busy;

    /// <param name="namespaces">Where to list earlier Events: the watched namespaces, all when empty.</param>
    public EventRecorder(IKubernetes client, IApiWriteGate gate, EventSource source, ILeadership leadership, IReadOnlyCollection<string> namespaces,
        OperatorMetrics metrics, TimeProvider time, ILogger<EventRecorder> logger)
    {
        ArgumentNullException.ThrowIfNull(leadership);
        _api = new EventApi(client, gate, source);
        _leadership = leadership;
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
        ArgumentNullException.ThrowIfNull(message);
        return Enqueue(new Work(target, new PlannedEvent(EventTypes.Warning, reason, EventMessage.Truncate(message), _time.GetUtcNow()), Audited: false));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writer = RunAsync(_stopWriting.Token);
        return Task.CompletedTask;
    }

    /// <summary>Writes what is queued until <paramref name="cancellationToken"/> fires, then abandons the rest.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _work.Writer.TryComplete();
        await using var registration = cancellationToken.Register(_stopWriting.Cancel).ConfigureAwait(false);
        await _writer.ConfigureAwait(false);
    }

    /// <summary>Takes no more Events and writes those queued, within <paramref name="budget"/>.</summary>
    public async Task DrainAsync(TimeSpan budget)
    {
        _work.Writer.TryComplete();
        _stopWriting.CancelAfter(budget);
        await _writer.ConfigureAwait(false);
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
            Log.Abandoned(_logger, Queued);
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

    private void HoldBack(EventTarget target, IReadOnlyList<PlannedEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        if (!_heldBack.TryGetValue(target.Object, out var held))
        {
            _heldBack[target.Object] = held = [];
        }

        held.AddRange(events.Select(planned => (target, planned with { Message = EventMessage.Truncate(planned.Message) })));
        var now = _time.GetUtcNow();
        held.RemoveAll(entry => now - entry.Event.PlannedAt > EventTtl);
        if (held.Count > HeldBackPerObject)
        {
            held.RemoveRange(0, held.Count - HeldBackPerObject);
        }
    }

    private bool Enqueue(Work work)
    {
        if (Interlocked.Increment(ref _queued) <= QueueCapacity && _work.Writer.TryWrite(work))
        {
            return true;
        }

        Interlocked.Decrement(ref _queued);
        _metrics.EventsDropped.Inc();
        Log.Dropped(_logger, work.Event!.Reason, work.Target!.Object.ToString());
        return false;
    }

    /// <summary>
    /// Lists what this component wrote before, seeds the correlator with it, then releases the held-back
    /// Events: those already on the API server are recognised by the correlator and not written again.
    /// </summary>
    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        if (!_leadership.IsLeader)
        {
            return;
        }

        var open = new Dictionary<ObjectRef, HashSet<string>>();
        try
        {
            var listed = await _api.ListOwnAsync(_namespaces, cancellationToken).ConfigureAwait(false);
            foreach (var listedEvent in listed)
            {
                _correlator.Seed(listedEvent);
            }

            open = OpenFindings.Of(listed);
            Log.Listed(_logger, listed.Count, open.Count);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.ListFailed(_logger, error);
        }

        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var (key, held) in _heldBack)
            {
                if (held.Any(entry => entry.Event.Reason == EventReasons.TrafficBalanced))
                {
                    open.Remove(key);
                }

                foreach (var (target, planned) in held.Where(entry => now - entry.Event.PlannedAt <= EventTtl))
                {
                    Enqueue(new Work(target, planned, Audited: true));
                }
            }

            _heldBack.Clear();
            _open = open;
            _ready = true;
        }

        Synced?.Invoke(open.Keys);
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

        var now = _time.GetUtcNow();
        var decision = _correlator.Decide(target, planned.Type, planned.Reason, planned.Message, now);
        if (decision.Action is EventAction.Suppress or EventAction.AlreadyAnnounced)
        {
            Log.NotWritten(_logger, planned.Reason, target.Object.ToString(), decision.Action);
            return;
        }

        try
        {
            if (decision.Action == EventAction.Patch && !await _api.TryPatchAsync(target, planned.Message, decision, now, cancellationToken).ConfigureAwait(false))
            {
                Log.Gone(_logger, decision.Name, target.Object.ToString());
                decision = decision with { Action = EventAction.Create, Name = _correlator.Rename(target, now) };
            }

            if (decision.Action == EventAction.Create)
            {
                await _api.CreateAsync(target, planned.Type, planned.Reason, planned.Message, decision, now, cancellationToken).ConfigureAwait(false);
            }

            _correlator.Written(target, planned.Type, planned.Reason, planned.Message, decision, now);
            _metrics.EventsEmitted.WithLabels(planned.Reason).Inc();
            Log.Written(_logger, planned.Reason, target.Object.ToString(), decision.Action, decision.Count);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _metrics.EventsDropped.Inc();
            Log.WriteFailed(_logger, error, planned.Reason, target.Object.ToString());
        }
    }

    /// <summary>An Event to write, or (with no target) a request to list what exists first.</summary>
    private sealed record Work(EventTarget? Target, PlannedEvent? Event, bool Audited);

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Event {Reason} on {Object} written ({Action}, count {Count})")]
        public static partial void Written(ILogger logger, string reason, string @object, EventAction action, int count);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Event {Reason} on {Object} not written: {Action}")]
        public static partial void NotWritten(ILogger logger, string reason, string @object, EventAction action);

        [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Event {EventName} on {Object} is gone from the API server; creating a new one")]
        public static partial void Gone(ILogger logger, string eventName, string @object);

        [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Event {Reason} on {Object} dropped: the Event queue is full")]
        public static partial void Dropped(ILogger logger, string reason, string @object);

        [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Event {Reason} on {Object} dropped after its write failed")]
        public static partial void WriteFailed(ILogger logger, Exception error, string reason, string @object);

        [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Leading: found {Events} Events written earlier by lb-operator, {Open} objects with findings still announced")]
        public static partial void Listed(ILogger logger, int events, int open);

        [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Could not list the Events lb-operator wrote earlier (is 'list' on events granted?); findings may be announced again")]
        public static partial void ListFailed(ILogger logger, Exception error);

        [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Stopped with {Events} Events not written")]
        public static partial void Abandoned(ILogger logger, int events);
    }
}

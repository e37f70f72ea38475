using k8s;
using k8s.Models;
using LbOperator.ApiEmulator;
using LbOperator.Core.Model;
using LbOperator.Runtime.Events;
using LbOperator.Runtime.Metrics;
using LbOperator.Runtime.Writes;
using LbOperator.Runtime.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LbOperator.Runtime.Tests.Events;

/// <summary>
/// Event recorders (one per simulated process) writing to the in-process API emulator through the real
/// client, on a fake clock; the emulator's store is what the tests read back.
/// </summary>
internal sealed class RecorderFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 21, 0, 0, TimeSpan.Zero);

    public static readonly EventTarget Web = new(new ObjectRef(ObjectKind.Service, "shop", "web"), "v1", "uid-1", "42");

    private readonly List<EventRecorder> _started = [];

    private RecorderFixture(KubeApiEmulator emulator)
    {
        Emulator = emulator;
        Client = emulator.CreateClient();
        Gate = new ApiWriteGate(new ApiOptions { Qps = 10_000, Burst = 10_000, MaxRetries = 0, RequestTimeout = TimeSpan.FromDays(1) },
            Time, new ApiWriteMetrics(new MetricsExposition(Prometheus.Metrics.NewCustomRegistry(), [])), NullLogger.Instance);
    }

    public KubeApiEmulator Emulator { get; }

    public IKubernetes Client { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    public EventMetrics Metrics { get; } = new(new MetricsExposition(Prometheus.Metrics.NewCustomRegistry(), []));

    /// <summary>
    /// A real gate that never throttles or retries within a test, so a write's failure surfaces at once; its
    /// per-attempt timeout lies beyond any time the fake clock reaches.
    /// </summary>
    public ApiWriteGate Gate { get; }

    public IReadOnlyList<Corev1Event> Events => Emulator.Objects.List<Corev1Event>("shop").OrderBy(item => item.Metadata.Name, StringComparer.Ordinal).ToArray();

    public static async Task<RecorderFixture> StartAsync() => new(await KubeApiEmulator.StartAsync());

    /// <summary>A started recorder, as one process has it.</summary>
    /// <param name="synced">Subscribed to <see cref="EventRecorder.Synced"/> before the recorder starts, so no listing is missed.</param>
    /// <param name="audit">The process's audit; none (a webhook alone) when null.</param>
    public async Task<EventRecorder> RecorderAsync(SettableLeadership leadership, Action<IReadOnlyCollection<ObjectRef>>? synced = null,
        IAuditProgress? audit = null)
    {
        var recorder = new EventRecorder(Client, Gate, new EventSource("lb-operator", "lb-operator-7d9f-abcde"), leadership, audit, [],
            Metrics, Time, NullLogger<EventRecorder>.Instance);
        recorder.Synced += synced;
        _started.Add(recorder);
        await recorder.StartAsync(CancellationToken.None);
        return recorder;
    }

    public static PlannedEvent Skewed(string message = "skew 3.0") => new(EventTypes.Warning, EventReasons.TrafficSkewed, message, Start);

    /// <summary>Waits until the recorder has handled everything handed to it (written, skipped or dropped).</summary>
    public static Task IdleAsync(EventRecorder recorder) => Poll.UntilAsync(() => recorder.IsIdle, "the recorder has handled what was queued");

    public async ValueTask DisposeAsync()
    {
        foreach (var recorder in _started)
        {
            await recorder.DrainAsync(TimeSpan.FromSeconds(5));
            recorder.Dispose();
        }

        Gate.Dispose();
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}

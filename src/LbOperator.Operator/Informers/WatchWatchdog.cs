namespace LbOperator.Operator.Informers;

/// <summary>
/// Cancels a watch that has received nothing (no event, no bookmark, no error) for longer than the
/// silence bound. Needed because KubernetesClient watches have no read timeout and a half-open
/// connection would otherwise hang forever (kubernetes-client/csharp #884, #533, #1233).
/// </summary>
internal sealed class WatchWatchdog(TimeProvider time, TimeSpan silenceTimeout)
{
    private long lastActivity = time.GetTimestamp();

    public bool Fired { get; private set; }

    public void Touch() => Interlocked.Exchange(ref lastActivity, time.GetTimestamp());

    public async Task RunAsync(CancellationTokenSource watch)
    {
        var checkEvery = TimeSpan.FromTicks(Math.Max(silenceTimeout.Ticks / 4, TimeSpan.TicksPerMillisecond));
        try
        {
            while (!watch.IsCancellationRequested)
            {
                await Task.Delay(checkEvery, time, watch.Token).ConfigureAwait(false);
                if (time.GetElapsedTime(Interlocked.Read(ref lastActivity)) > silenceTimeout)
                {
                    Fired = true;
                    await watch.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The watch ended on its own.
        }
    }
}

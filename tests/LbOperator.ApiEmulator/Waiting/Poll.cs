namespace LbOperator.ApiEmulator.Waiting;

/// <summary>
/// The one way tests wait for something another thread or process does: check often, and fail with a
/// message naming what never happened once a generous deadline passes. Never a fixed sleep, never a
/// timing assertion. The deadline is wall-clock on purpose: it bounds real I/O, not the code's clock.
/// </summary>
public static class Poll
{
    /// <summary>Long enough for a real kube-apiserver on a loaded two-core machine; a passing run never waits for it.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync(_ => Task.FromResult(condition()), what, timeout);

    /// <summary>
    /// Waits until <paramref name="probe"/> answers true. Exceptions that <paramref name="tolerate"/> accepts
    /// count as "not yet" (a server still starting); the last one is kept as the cause of the failure.
    /// </summary>
    public static async Task UntilAsync(
        Func<CancellationToken, Task<bool>> probe, string what, TimeSpan? timeout = null, Func<Exception, bool>? tolerate = null,
        CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? Deadline;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        Exception? lastError = null;
        while (true)
        {
            try
            {
                if (await probe(deadline.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested && (deadline.IsCancellationRequested || tolerate?.Invoke(error) == true))
            {
                lastError = error;
            }

            if (deadline.IsCancellationRequested)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException($"Gave up after {limit.TotalSeconds:0.#} s waiting until {what}.", lastError);
            }

            try
            {
                await Task.Delay(Interval, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The deadline passed while waiting; the next round reports it after one last probe.
            }
        }
    }

    /// <summary>Waits for a task that must finish, failing with a message instead of hanging the run.</summary>
    public static async Task FinishesAsync(Task task, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Deadline;
        try
        {
            await task.WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException error) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Gave up after {limit.TotalSeconds:0.#} s waiting until {what}.", error);
        }
    }

    /// <inheritdoc cref="FinishesAsync(Task, string, TimeSpan?)"/>
    public static async Task<T> FinishesAsync<T>(Task<T> task, string what, TimeSpan? timeout = null)
    {
        await FinishesAsync((Task)task, what, timeout).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }
}

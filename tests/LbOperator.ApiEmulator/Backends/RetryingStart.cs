namespace LbOperator.ApiEmulator.Backends;

/// <summary>
/// Starts a server on <see cref="PortCandidate"/> ports, again on fresh candidates when it reports that a
/// port was taken. Only a failed bind is retried; any other start failure surfaces at once. A server that
/// did not bind never counts as started (readiness checks prove the answering server is ours), so a
/// port race cannot pass silently: it costs a retry, or fails the test after the last attempt.
/// </summary>
public static class RetryingStart
{
    public const int Attempts = 5;

    public static async Task<T> RunAsync<T>(Func<Task<T>> start)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start().ConfigureAwait(false);
            }
            catch (PortTakenException) when (attempt < Attempts)
            {
                // Someone took a candidate port between the check and the bind; try fresh ones.
            }
        }
    }
}

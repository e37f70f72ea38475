namespace LbOperator.Operator.Tests.Support;

/// <summary>
/// Waits for something another thread or process does (an HTTP round trip to the emulator), checking
/// often and failing at a generous deadline. Never a fixed sleep and never a timing assertion.
/// </summary>
internal static class Poll
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static Task UntilAsync(Func<bool> condition, string what) => UntilAsync(condition, what, Deadline);

    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan deadline)
    {
        var giveUp = DateTime.UtcNow + deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > giveUp)
            {
                Assert.Fail($"Gave up waiting until {what}.");
            }

            await Task.Delay(10);
        }
    }
}

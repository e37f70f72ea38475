namespace LbOperator.Webhook.Tests.Support;

/// <summary>Waits for something another thread does, checking often and failing at a generous deadline; never a timing assertion.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(30);
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

namespace LbOperator.Operator.Events;

/// <summary>Keeps Event messages within the size the API server and <c>kubectl describe</c> handle well.</summary>
public static class EventMessage
{
    public const int MaxLength = 1024;

    private const string Ellipsis = "…";

    /// <summary>Cuts <paramref name="message"/> to <paramref name="maxLength"/> characters, marking the cut with an ellipsis.</summary>
    public static string Truncate(string message, int maxLength = MaxLength)
    {
        if (message.Length <= maxLength)
        {
            return message;
        }

        if (maxLength <= Ellipsis.Length)
        {
            return message[..Math.Max(0, maxLength)];
        }

        return string.Concat(message.AsSpan(0, maxLength - Ellipsis.Length), Ellipsis);
    }
}

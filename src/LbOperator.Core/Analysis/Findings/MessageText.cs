using System.Globalization;

namespace LbOperator.Core.Analysis.Findings;

/// <summary>
/// Number and list formatting for finding messages. Fixed formats in the invariant culture keep a
/// message byte-for-byte stable, which the operator relies on to decide whether to emit an Event.
/// </summary>
internal static class MessageText
{
    /// <summary>0.5 → "50%", 1/6 → "16.7%".</summary>
    public static string Percent(double share) =>
        (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>3 → "3.0", 1.2125 → "1.21".</summary>
    public static string Ratio(double value) => value.ToString("0.0#", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>
    /// "node-a 5, node-b 1" for counts per group, largest first; long lists keep the two largest and
    /// the smallest, which is where the skew comes from.
    /// </summary>
    public static string Counts(IReadOnlyDictionary<string, int> counts, string groupNoun)
    {
        var ordered = new List<KeyValuePair<string, int>>(counts);
        ordered.Sort((a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        if (ordered.Count <= 4)
        {
            return string.Join(", ", ordered.ConvertAll(Pair));
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Pair(ordered[0])}, {Pair(ordered[1])}, …, {Pair(ordered[^1])} ({ordered.Count} {groupNoun})");
    }

    private static string Pair(KeyValuePair<string, int> pair) =>
        string.Create(CultureInfo.InvariantCulture, $"{pair.Key} {pair.Value}");
}

using System.Globalization;
using System.Text;
using LbOperator.Runtime.Events;

namespace LbOperator.Operator.Changes;

/// <summary>Renders a config change for people: <c>externalTrafficPolicy: Cluster → Local; skew 1.0 → 3.0</c>.</summary>
public static class ConfigChangeMessage
{
    private const string Absent = "(none)";

    /// <summary>
    /// Lists the changed fields, then the skew before and after when either is known. The skew part is
    /// always kept; the field list is shortened when the whole would exceed an Event message's limit.
    /// </summary>
    public static string Format(IReadOnlyList<ConfigFieldChange> changes, double? skewBefore, double? skewAfter)
    {
        var fields = new StringBuilder();
        foreach (var change in changes)
        {
            if (fields.Length > 0)
            {
                fields.Append("; ");
            }

            fields.Append(change.Field).Append(": ")
                .Append(change.Before ?? Absent).Append(" → ").Append(change.After ?? Absent);
        }

        var skew = skewBefore is null && skewAfter is null
            ? string.Empty
            : $"; skew {FormatSkew(skewBefore)} → {FormatSkew(skewAfter)}";
        var room = EventMessage.MaxLength - skew.Length;
        return EventMessage.Truncate(fields.ToString(), room) + skew;
    }

    public static string FormatSkew(double? skew) =>
        skew is null ? Absent : skew.Value.ToString("0.0#", CultureInfo.InvariantCulture);
}

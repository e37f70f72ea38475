namespace LbOperator.Operator.Changes;

/// <summary>Compares two snapshots of an object's load-balancing fields.</summary>
public static class ConfigDiff
{
    /// <summary>
    /// The changed fields: those of <paramref name="after"/> in its order, then those only
    /// <paramref name="before"/> had. No previous snapshot means the object is seen for the first time,
    /// which is not a change (a restarted operator must not re-announce every object).
    /// </summary>
    public static IReadOnlyList<ConfigFieldChange> Compare(LoadBalancingConfig? before, LoadBalancingConfig after)
    {
        if (before is null)
        {
            return [];
        }

        var changes = new List<ConfigFieldChange>();
        foreach (var (field, value) in after.Fields)
        {
            var previous = before[field];
            if (!string.Equals(previous, value, StringComparison.Ordinal))
            {
                changes.Add(new ConfigFieldChange(field, previous, value));
            }
        }

        foreach (var (field, value) in before.Fields)
        {
            if (after[field] is null)
            {
                changes.Add(new ConfigFieldChange(field, value, null));
            }
        }

        return changes;
    }
}

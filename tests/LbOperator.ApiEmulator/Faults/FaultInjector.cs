using LbOperator.ApiEmulator.Resources;

namespace LbOperator.ApiEmulator.Faults;

/// <summary>Holds the pending fault rules; each matching request consumes one use of the first matching rule.</summary>
public sealed class FaultInjector
{
    private readonly Lock gate = new();
    private readonly List<(FaultRule Rule, int Remaining)> rules = [];

    public void Inject(FaultRule rule)
    {
        lock (gate)
        {
            rules.Add((rule, rule.Count));
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
        }
    }

    /// <summary>How many uses are left across all rules.</summary>
    public int Pending
    {
        get
        {
            lock (gate)
            {
                return rules.Sum(r => r.Remaining);
            }
        }
    }

    internal FaultRule? Take(ApiResource resource, ApiVerb verb)
    {
        lock (gate)
        {
            var index = rules.FindIndex(r =>
                (r.Rule.Resource is null || r.Rule.Resource == resource.Name)
                && (r.Rule.Verb is null || r.Rule.Verb == verb)
                && (r.Rule.Kind != FaultKind.SilentWatch || verb == ApiVerb.Watch));
            if (index < 0)
            {
                return null;
            }

            var (rule, remaining) = rules[index];
            if (remaining <= 1)
            {
                rules.RemoveAt(index);
            }
            else
            {
                rules[index] = (rule, remaining - 1);
            }

            return rule;
        }
    }
}

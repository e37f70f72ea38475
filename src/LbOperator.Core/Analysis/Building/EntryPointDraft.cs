using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Building;

/// <summary>
/// An entry point while its spread is being built. Only endpoints of backends with a non-zero share
/// are added, so <see cref="Endpoints"/> is exactly the pool.
/// </summary>
internal sealed class EntryPointDraft(EntryPoint entryPoint)
{
    public EntryPoint EntryPoint { get; } = entryPoint;

    public List<BackendShare> Backends { get; } = [];

    public List<EndpointShare> Endpoints { get; } = [];

    public List<BlackholeCause> Blackholes { get; } = [];

    public List<PendingFinding> Findings { get; } = [];

    public List<string> Notes { get; } = [];

    public SkewExplanation? Skew { get; set; }

    /// <summary>True when a backend's endpoints are not described by the input, so the spread is not known.</summary>
    public bool EndpointsUnknown { get; set; }

    public double BlackholedShare
    {
        get
        {
            var total = 0.0;
            foreach (var blackhole in Blackholes)
            {
                total += blackhole.Share;
            }

            return total;
        }
    }

    public void AddFinding(RuleDescriptor rule, ObjectRef target, string message) =>
        Findings.Add(new PendingFinding(rule, target, message));
}

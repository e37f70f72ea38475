using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.Endpoints;

/// <summary>
/// An endpoint that receives traffic, with its zone resolved from the endpoint or else its Node.
/// A small struct over the source record: large Services have thousands, and they live for one analysis.
/// </summary>
internal readonly record struct ReadyEndpoint(EndpointInfo Source, string? Zone)
{
    public string Id => Source.Id;

    public string? Node => Source.NodeName;

    public PodRef? Pod => Source.Pod;

    public IReadOnlyList<string> HintZones => Source.HintZones;

    public IReadOnlyList<string> HintNodes => Source.HintNodes;
}

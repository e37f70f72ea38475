namespace LbOperator.Core.Analysis.Building;

/// <summary>The note for a Service whose endpoints the input does not describe (see <see cref="AnalysisPolicy.EndpointsMayBeAbsent"/>).</summary>
internal static class UnknownEndpoints
{
    public static string Note(string qualifiedService) =>
        $"Service {qualifiedService} has no EndpointSlice in the input: its endpoints are unknown, so its spread is not evaluated";
}

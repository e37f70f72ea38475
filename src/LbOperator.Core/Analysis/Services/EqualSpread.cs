namespace LbOperator.Core.Analysis.Services;

/// <summary>kube-proxy's default: every ready endpoint gets the same share.</summary>
internal static class EqualSpread
{
    public static void Compute(Span<double> shares) => shares.Fill(1.0 / shares.Length);
}

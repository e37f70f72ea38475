namespace LbOperator.Core.Analysis.Services;

/// <summary>kube-proxy's default: every ready endpoint gets the same share.</summary>
internal static class EqualSpread
{
    public static double[] Compute(int count)
    {
        var shares = new double[count];
        Array.Fill(shares, 1.0 / count);
        return shares;
    }
}

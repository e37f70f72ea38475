namespace LbOperator.Check.Reports;

/// <summary>
/// Turns a manifest path into a SARIF artifact URI: relative paths stay relative (code-scanning UIs resolve
/// them against the repository root), absolute paths become file:// URIs.
/// </summary>
internal static class SarifUri
{
    public static string Of(string path)
    {
        if (Path.IsPathFullyQualified(path))
        {
            return new Uri(path).AbsoluteUri;
        }

        var segments = path.Replace('\\', '/').Split('/')
            .Where(segment => segment is not ("" or "."));
        return string.Join('/', segments.Select(Uri.EscapeDataString));
    }
}

using System.Text;
using System.Text.RegularExpressions;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>A path glob: <c>**</c> any number of directories, <c>*</c> any characters but <c>/</c>, <c>?</c> one such character.</summary>
internal sealed class PathGlob
{
    private readonly Regex _pattern;

    public PathGlob(string glob)
    {
        var pattern = new StringBuilder("^(.*/)?");
        var text = glob.Replace('\\', '/').TrimStart('.', '/');
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var directories = i + 2 < text.Length && text[i + 2] == '/';
                pattern.Append(directories ? "(.*/)?" : ".*");
                i += directories ? 2 : 1;
            }
            else
            {
                pattern.Append(text[i] switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    var c => Regex.Escape(c.ToString()),
                });
            }
        }

        _pattern = new Regex(pattern.Append("$").ToString(), RegexOptions.CultureInvariant);
    }

    /// <summary>True when the path, or its tail after any directory, matches.</summary>
    public bool Matches(string path) => _pattern.IsMatch(path.Replace('\\', '/'));
}

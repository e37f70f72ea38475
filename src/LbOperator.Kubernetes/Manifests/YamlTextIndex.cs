using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// What YamlDotNet's representation model does not keep, from one pass over the parser events with
/// comments included: where each mapping's text ends (a block mapping where the next token begins, a
/// flow mapping just after its closing brace), and the <c># Source: path</c> comment that
/// <c>helm template</c> writes above each document. Both are keyed by the mapping's start index.
/// </summary>
internal sealed class YamlTextIndex
{
    private const string HelmSourcePrefix = "Source:";

    private readonly Dictionary<int, int> _mappingEnds = [];
    private readonly Dictionary<int, string> _renderedFrom = [];

    /// <param name="text">Text that has already been loaded successfully, so parsing cannot fail here.</param>
    public YamlTextIndex(string text)
    {
        var open = new Stack<(int Start, bool Flow)>();
        string? pendingSource = null;
        var parser = new Parser(new Scanner(new StringReader(text), skipComments: false));
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case Comment { IsInline: false } comment when open.Count == 0 && comment.Value.StartsWith(HelmSourcePrefix, StringComparison.Ordinal):
                    pendingSource = comment.Value[HelmSourcePrefix.Length..].Trim();
                    break;
                case MappingStart start:
                    if (open.Count == 0 && pendingSource is { Length: > 0 })
                    {
                        _renderedFrom[(int)start.Start.Index] = pendingSource;
                    }

                    open.Push(((int)start.Start.Index, start.Style == MappingStyle.Flow));
                    break;
                case MappingEnd end:
                    var (startIndex, flow) = open.Pop();
                    _mappingEnds[startIndex] = Math.Min((int)end.Start.Index + (flow ? 1 : 0), text.Length);
                    break;
                case DocumentEnd:
                    pendingSource = null;
                    break;
            }
        }
    }

    public int MappingEnd(int mappingStart) => _mappingEnds[mappingStart];

    public string? RenderedFrom(int documentRootStart) => _renderedFrom.GetValueOrDefault(documentRootStart);
}

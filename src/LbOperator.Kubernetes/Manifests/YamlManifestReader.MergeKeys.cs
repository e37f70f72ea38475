using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// YAML merge keys (<c>&lt;&lt;: *defaults</c>), read as kubectl reads them: a merged mapping's keys are added
/// unless the mapping sets them itself, wherever the merge key stands, and an earlier merged mapping wins over
/// a later one. Written as JSON, a merge key would otherwise drop its fields silently.
/// </summary>
internal sealed partial class YamlManifestReader
{
    private const string MergeKey = "<<";

    /// <summary>The keys of the mappings being written, innermost last; each mapping pops its own.</summary>
    private readonly List<string> _keys = [];

    private bool AtMergeKey => Current is Scalar { Value: MergeKey, Style: ScalarStyle.Plain };

    /// <summary>The value of a merge key: one mapping (usually an alias of one) or a sequence of them.</summary>
    private void ReadMergeSources(List<byte[]> sources)
    {
        if (Current is not SequenceStart)
        {
            sources.Add(ReadMergeSource());
            return;
        }

        Next();
        while (Current is not SequenceEnd)
        {
            sources.Add(ReadMergeSource());
        }

        Next();
    }

    private byte[] ReadMergeSource()
    {
        var at = Current.Start;
        var scratch = new JsonFragment();
        WriteNode(scratch);
        var json = scratch.Json.ToArray();
        return json is [(byte)'{', ..]
            ? json
            : throw new InputError(at, "a merge key << takes a mapping or a list of mappings");
    }

    private void WriteMerged(Utf8JsonWriter writer, List<byte[]> sources, int ownKeysFrom)
    {
        var written = new HashSet<string>(_keys.Skip(ownKeysFrom), StringComparer.Ordinal);
        foreach (var source in sources)
        {
            using var merged = JsonDocument.Parse(source);
            foreach (var property in merged.RootElement.EnumerateObject())
            {
                if (written.Add(property.Name))
                {
                    property.WriteTo(writer);
                }
            }
        }
    }
}

using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// Reads the documents of one YAML or JSON text. Each document's apiVersion and kind are peeked in the
/// representation model first, so unknown kinds are skipped without ever reaching KubernetesClient's
/// typed deserialiser, which rejects kinds it has no model for.
/// </summary>
internal sealed partial class YamlManifestReader
{
    private readonly string _text;
    private readonly string _file;
    private readonly ICollection<ManifestObject> _objects;
    private readonly ICollection<SkippedDocument> _skipped;
    private readonly YamlTextIndex _index;

    private YamlManifestReader(string text, string file, ICollection<ManifestObject> objects, ICollection<SkippedDocument> skipped)
    {
        _text = text;
        _file = file;
        _objects = objects;
        _skipped = skipped;
        _index = new YamlTextIndex(text);
    }

    public static void Read(string text, string file, ICollection<ManifestObject> objects, ICollection<SkippedDocument> skipped)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new ManifestException(file, LineOf(ex.Start), Describe(ex), ex);
        }

        var reader = new YamlManifestReader(text, file, objects, skipped);
        foreach (var document in stream.Documents)
        {
            reader.ReadNode(document.RootNode, reader._index.RenderedFrom((int)document.RootNode.Start.Index));
        }
    }

    private void ReadNode(YamlNode node, string? renderedFrom)
    {
        if (node is YamlScalarNode { Value: null or "" })
        {
            return;
        }

        var source = new SourceLocation(_file, LineOf(node.Start), renderedFrom);
        if (node is not YamlMappingNode mapping)
        {
            throw new ManifestException(_file, source.Line, "expected a Kubernetes object (a mapping with apiVersion and kind)");
        }

        var apiVersion = ScalarOf(mapping, "apiVersion");
        var kind = ScalarOf(mapping, "kind");
        if (kind is not null && ManifestKinds.IsList(kind) && mapping.Children.TryGetValue(new YamlScalarNode("items"), out var items))
        {
            ReadItems(items, renderedFrom);
            return;
        }

        var deserialize = apiVersion is null || kind is null ? null : ManifestKinds.DeserializerFor(apiVersion, kind);
        if (deserialize is null)
        {
            _skipped.Add(new SkippedDocument(apiVersion, kind, source));
            return;
        }

        var value = Deserialize(deserialize, mapping, kind!);
        if (string.IsNullOrEmpty(value.Metadata?.Name))
        {
            throw new ManifestException(_file, source.Line, $"{kind} has no metadata.name");
        }

        if (ManifestKinds.IsNamespaced(kind!) && string.IsNullOrEmpty(value.Metadata?.NamespaceProperty))
        {
            value.Metadata ??= new V1ObjectMeta();
            value.Metadata.NamespaceProperty = "default";
        }

        _objects.Add(new ManifestObject(value, source));
    }

    private void ReadItems(YamlNode items, string? renderedFrom)
    {
        switch (items)
        {
            case YamlSequenceNode sequence:
                foreach (var item in sequence)
                {
                    ReadNode(item, renderedFrom);
                }

                break;
            case YamlScalarNode { Value: null or "" or "null" }:
                break;
            default:
                throw new ManifestException(_file, LineOf(items.Start), "items of a List must be a sequence");
        }
    }

    /// <summary>
    /// Deserialises the mapping's own text, its first line indented as in the file so that the block
    /// stays consistent; a line in the deserialiser's error is then shifted back to the user's file.
    /// </summary>
    private IKubernetesObject<V1ObjectMeta> Deserialize(Func<string, IKubernetesObject<V1ObjectMeta>> deserialize, YamlMappingNode node, string kind)
    {
        var start = (int)node.Start.Index;
        var firstLine = LineOf(node.Start);
        var text = new string(' ', (int)node.Start.Column - 1) + _text[start.._index.MappingEnd(start)];
        try
        {
            return deserialize(text);
        }
        catch (YamlException ex)
        {
            var line = LineOf(ex.Start) > 0 ? firstLine + LineOf(ex.Start) - 1 : firstLine;
            throw new ManifestException(_file, line, $"invalid {kind}: {Describe(ex)}", ex);
        }
    }

    private static string? ScalarOf(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } scalar }
            ? scalar
            : null;

    private static int LineOf(Mark mark) => (int)mark.Line;

    /// <summary>YamlDotNet prefixes its messages with the position, which the caller already reports as file:line.</summary>
    private static string Describe(Exception ex)
    {
        var innermost = ex;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        var message = Whitespace().Replace(PositionPrefix().Replace(innermost.Message, ""), " ").Trim();
        var wrongType = WrongTypeMessage().Match(message);
        if (wrongType.Success)
        {
            return $"expected {FriendlyTypeName(wrongType.Groups["type"].Value)} here";
        }

        return message.Length == 0 ? "cannot parse" : message;
    }

    private static string FriendlyTypeName(string clrName) => clrName switch
    {
        "System.String" => "a string",
        "System.Int32" or "System.Int64" or "System.Nullable`1[[System.Int32" => "an integer",
        "System.Boolean" => "true or false",
        _ => "a value of type " + clrName[(clrName.LastIndexOf('.') + 1)..],
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^No node deserializer was able to deserialize the node into type (?<type>[^,\s]+)")]
    private static partial Regex WrongTypeMessage();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();
}

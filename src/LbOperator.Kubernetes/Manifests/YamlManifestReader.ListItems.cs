using System.Text.Json;
using YamlDotNet.Core.Events;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>The items of a List document.</summary>
internal sealed partial class YamlManifestReader
{
    /// <summary>The <c>items</c> of a top-level mapping, each an object of its own.</summary>
    private sealed class ListItems(YamlManifestReader reader, SourceLocation list)
    {
        private readonly List<(string? ApiVersion, SourceLocation Source, byte[] Json, Func<JsonException, (int, int)> Locate)> _kindless = [];

        public bool Seen { get; private set; }

        /// <summary>Reads the items; those without a kind wait for the list's kind, which kubectl prints after them.</summary>
        public void Read(string? listApiVersion, string? listKind)
        {
            Seen = true;
            reader.Next();
            while (reader.Current is not SequenceEnd)
            {
                var start = reader.Current.Start;
                var item = reader._item;
                item.Reset();
                if (reader.Current is not MappingStart)
                {
                    reader.WriteNode(item);
                    reader.Skip(start, "a List item that is not a mapping");
                    continue;
                }

                var source = list with { Line = reader.LineOf(start), Column = (int)start.Column };
                var (apiVersion, kind) = reader.WriteMapping(item, top: true, list: null);
                kind ??= ManifestKinds.ItemKindOf(listKind);
                if (kind is null)
                {
                    var (json, locate) = item.Detach();
                    _kindless.Add((apiVersion, source, json, locate));
                    continue;
                }

                reader._sink.Add(apiVersion ?? listApiVersion, kind, source, item);
            }

            reader.Next();
        }

        /// <param name="listKind">The list's kind once known, or null when the mapping was not a List after all.</param>
        public void Finish(string? listApiVersion, string? listKind)
        {
            foreach (var (apiVersion, source, json, locate) in _kindless)
            {
                reader._sink.Add(apiVersion ?? listApiVersion, ManifestKinds.ItemKindOf(listKind), source, json, locate);
            }
        }
    }
}

using System.Text.Json;
using k8s;
using k8s.Models;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// Receives what the readers find in the inputs: decodes objects of the kinds the analysis reads, counts
/// the others as skipped, and keeps every input error and note with its place. Each object is mapped for
/// the analysis as it is decoded and its model dropped. Unless the reader already runs in parallel parts,
/// objects are decoded on the thread pool while the reader goes on parsing, in batches of
/// <see cref="BatchSize"/> (one task per object cost more than decoding a small one), at most
/// <see cref="MaxInFlight"/> batches at a time; everything is committed in input order, and
/// <see cref="Flush"/> waits for the last ones.
/// </summary>
internal sealed class ManifestCollector(ManifestReadOptions options, bool decodeInBackground = true)
{
    private const int BatchSize = 32;

    private const int MaxInFlight = 8;

    private readonly Queue<Task<List<DecodedDocument>>> _inFlight = new();

    private List<Func<DecodedDocument>> _batch = new(BatchSize);

    public ManifestReadOptions Options => options;

    public List<ManifestObject> Objects { get; } = [];

    public List<SkippedDocument> Skipped { get; } = [];

    public List<InputDiagnostic> Diagnostics { get; } = [];

    /// <summary>Decodes one object from its own JSON text (in the background unless decoding is inline) and commits it in input order.</summary>
    /// <param name="locate">Turns a decoding error's position in <paramref name="json"/> into a line and column of the input.</param>
    public void Add(string? apiVersion, string? kind, SourceLocation source, ReadOnlyMemory<byte> json, Func<JsonException, (int Line, int Column)> locate) =>
        Enqueue(() => Decode(apiVersion, kind, source, json.Span, locate));

    /// <summary>Takes over what a collector of a later part of the input found, after everything before it.</summary>
    public void Append(ManifestCollector part)
    {
        Flush();
        Objects.AddRange(part.Objects);
        Skipped.AddRange(part.Skipped);
        Diagnostics.AddRange(part.Diagnostics);
    }

    /// <summary>
    /// Adds the object a YAML reader has just written: decoded from the fragment itself when decoding is
    /// inline, else from a copy, as the fragment is reused for the next object.
    /// </summary>
    public void Add(string? apiVersion, string? kind, SourceLocation source, JsonFragment json)
    {
        if (ManifestKinds.Find(apiVersion, kind) is null)
        {
            Enqueue(() => new DecodedDocument(apiVersion, kind, source, null, null));
        }
        else if (decodeInBackground)
        {
            var (bytes, locate) = json.Detach();
            Add(apiVersion, kind, source, bytes, locate);
        }
        else
        {
            Commit(Decode(apiVersion, kind, source, json.Json, json.Locate));
        }
    }

    /// <summary>Waits for the objects still being decoded and commits them; the lists are complete after this.</summary>
    public void Flush()
    {
        Submit();
        while (_inFlight.Count > 0)
        {
            _inFlight.Dequeue().GetAwaiter().GetResult().ForEach(Commit);
        }
    }

    /// <summary>Decodes and maps one object without committing it; safe on any thread.</summary>
    private DecodedDocument Decode(string? apiVersion, string? kind, SourceLocation source, ReadOnlySpan<byte> json, Func<JsonException, (int Line, int Column)> locate)
    {
        if (ManifestKinds.Find(apiVersion, kind) is not { } row)
        {
            return new DecodedDocument(apiVersion, kind, source, null, null);
        }

        IKubernetesObject<V1ObjectMeta> value;
        try
        {
            value = ObjectDecoder.Decode(json, row.Model);
        }
        catch (JsonException ex)
        {
            var (line, column) = locate(ex);
            return new DecodedDocument(apiVersion, kind, source, null, InputDiagnostic.Error(source.File, line, column, ObjectDecoder.Describe(row.Kind, ex)));
        }

        if (string.IsNullOrEmpty(value.Metadata?.Name))
        {
            return new DecodedDocument(apiVersion, kind, source, null, InputDiagnostic.Error(source.File, source.Line, source.Column, $"{row.Kind} has no metadata.name"));
        }

        if (row.Namespaced && string.IsNullOrEmpty(value.Metadata.NamespaceProperty))
        {
            value.Metadata.NamespaceProperty = options.DefaultNamespace;
        }

        value.ApiVersion ??= row.ApiVersion;
        value.Kind ??= row.Kind;
        return new DecodedDocument(apiVersion, kind, source, ManifestObject.From(value, source), null);
    }

    /// <summary>Commits at once when decoding inline, else adds to the batch being gathered.</summary>
    private void Enqueue(Func<DecodedDocument> document)
    {
        if (!decodeInBackground)
        {
            Commit(document());
            return;
        }

        _batch.Add(document);
        if (_batch.Count == BatchSize)
        {
            Submit();
        }
    }

    private void Submit()
    {
        if (_batch.Count > 0)
        {
            var batch = _batch;
            _batch = new(BatchSize);
            _inFlight.Enqueue(Task.Run(() => batch.ConvertAll(decode => decode())));
        }

        while (_inFlight.Count > 0 && (_inFlight.Peek().IsCompleted || _inFlight.Count > MaxInFlight))
        {
            _inFlight.Dequeue().GetAwaiter().GetResult().ForEach(Commit);
        }
    }

    private void Commit(DecodedDocument document)
    {
        if (document.Error is { } error)
        {
            Diagnostics.Add(error);
        }
        else if (document.Object is { } value)
        {
            Objects.Add(value);
        }
        else
        {
            Skipped.Add(new SkippedDocument(document.ApiVersion, document.Kind, document.Source));
        }
    }

    public void Error(string file, int line, int column, string message) =>
        Diagnose(InputDiagnostic.Error(file, line, column, message));

    public void Note(string file, int line, int column, string message) =>
        Diagnose(InputDiagnostic.Note(file, line, column, message));

    /// <summary>A diagnostic waits behind the objects before it, so the list follows the input.</summary>
    private void Diagnose(InputDiagnostic diagnostic)
    {
        if (_inFlight.Count == 0 && _batch.Count == 0)
        {
            Diagnostics.Add(diagnostic);
        }
        else
        {
            Enqueue(() => new DecodedDocument(null, null, new SourceLocation(diagnostic.File, diagnostic.Line), null, diagnostic));
        }
    }
}

/// <summary>One document decoded and mapped (or not: an unread kind, an error; or only a note), waiting to be committed in input order.</summary>
internal sealed record DecodedDocument(
    string? ApiVersion, string? Kind, SourceLocation Source, ManifestObject? Object, InputDiagnostic? Error);

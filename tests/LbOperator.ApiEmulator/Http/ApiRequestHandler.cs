using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using LbOperator.ApiEmulator.Faults;
using LbOperator.ApiEmulator.Patching;
using LbOperator.ApiEmulator.Resources;
using LbOperator.ApiEmulator.Selection;
using LbOperator.ApiEmulator.Storage;
using Microsoft.AspNetCore.Http;

namespace LbOperator.ApiEmulator.Http;

/// <summary>Routes one REST request to discovery or to the store, applying injected faults first.</summary>
internal sealed class ApiRequestHandler(
    ResourceStore store,
    FaultInjector faults,
    WatchStream watches,
    DiscoveryDocuments discovery,
    Func<ApiResource, bool> isServed,
    ConcurrentQueue<ApiRequestRecord> requests)
{
    private int discoveryRequests;

    public int DiscoveryRequests => Volatile.Read(ref discoveryRequests);

    public async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Method == "GET" && discovery.Find(context.Request.Path.Value ?? "", out var document))
        {
            Interlocked.Increment(ref discoveryRequests);
            if (document is null)
            {
                await ResponseWriter.StatusAsync(context.Response, new ApiStatusException(404, "NotFound", "the server could not find the requested resource"));
                return;
            }

            await ResponseWriter.JsonAsync(context.Response, 200, document);
            return;
        }

        var path = ResourcePath.Parse(context.Request.Path.Value ?? "");
        if (path is null || !isServed(path.Resource))
        {
            await ResponseWriter.StatusAsync(context.Response, new ApiStatusException(404, "NotFound", "the server could not find the requested resource"));
            return;
        }

        var verb = VerbOf(context.Request, path);
        if (verb is null)
        {
            await ResponseWriter.StatusAsync(context.Response, new ApiStatusException(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource"));
            return;
        }

        try
        {
            await ServeAsync(context, path, verb.Value);
        }
        catch (ApiStatusException error)
        {
            await ResponseWriter.StatusAsync(context.Response, error);
        }
        finally
        {
            requests.Enqueue(new ApiRequestRecord(verb.Value, path.Resource.Name, path.Namespace, path.Name, context.Response.StatusCode));
        }
    }

    private async Task ServeAsync(HttpContext context, ResourcePath path, ApiVerb verb)
    {
        var fault = faults.Take(path.Resource, verb);
        switch (fault?.Kind)
        {
            case FaultKind.TooManyRequests:
                context.Response.Headers.RetryAfter = Math.Ceiling(fault.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                throw new ApiStatusException(429, "TooManyRequests", "Too many requests, please try again later.");
            case FaultKind.ServerError:
                throw new ApiStatusException(500, "InternalError", "Internal error occurred: injected fault");
            case FaultKind.Forbidden:
                throw new ApiStatusException(403, "Forbidden", $"{path.Resource.Name} is forbidden: injected fault");
            case FaultKind.Slow:
                await Task.Delay(fault.Delay, context.RequestAborted);
                break;
        }

        var request = context.Request;
        var response = context.Response;
        var ns = path.Namespace;
        switch (verb)
        {
            case ApiVerb.Watch:
                await watches.ServeAsync(context, path, Filter(request, path.Resource), fault?.Kind == FaultKind.SilentWatch);
                break;
            case ApiVerb.List:
                var (items, rv) = store.List(path.Resource, ns, Filter(request, path.Resource));
                await ResponseWriter.ListAsync(response, path.Resource.ApiVersion, path.Resource.ListKind, items, rv);
                break;
            case ApiVerb.Get:
                var found = store.Get(path.Resource, ns!, path.Name!)
                    ?? throw new ApiStatusException(404, "NotFound", $"{path.Resource.Name} \"{path.Name}\" not found", path.Name, path.Resource.Plural, path.Resource.Group);
                await ResponseWriter.ObjectAsync(response, 200, found);
                break;
            case ApiVerb.Create:
                await ResponseWriter.ObjectAsync(response, 201, store.Create(path.Resource, ns!, await BodyAsync<JsonObject>(request, path.Namespace)));
                break;
            case ApiVerb.Update:
                var replacement = await BodyAsync<JsonObject>(request, path.Namespace);
                if ((string?)(replacement["metadata"] as JsonObject)?["name"] is { } bodyName && bodyName != path.Name)
                {
                    throw new ApiStatusException(400, "BadRequest", "the name of the object does not match the name on the URL");
                }

                await ResponseWriter.ObjectAsync(response, 200, store.Update(path.Resource, ns!, path.Name!, replacement));
                break;
            case ApiVerb.Patch:
                var patch = await PatchAsync(request);
                await ResponseWriter.ObjectAsync(response, 200, store.Patch(path.Resource, ns!, path.Name!, patch));
                break;
            case ApiVerb.Delete:
                await ResponseWriter.ObjectAsync(response, 200, store.Delete(path.Resource, ns!, path.Name!));
                break;
        }
    }

    private static ApiVerb? VerbOf(HttpRequest request, ResourcePath path) => (request.Method, path.Name, path.Namespace) switch
    {
        ("GET", null, _) => request.Query["watch"] is var w && (w == "true" || w == "1") ? ApiVerb.Watch : ApiVerb.List,
        ("POST", null, not null) => ApiVerb.Create,
        ("GET", not null, _) => ApiVerb.Get,
        ("PUT", not null, _) => ApiVerb.Update,
        ("PATCH", not null, _) => ApiVerb.Patch,
        ("DELETE", not null, _) => ApiVerb.Delete,
        _ => null,
    };

    private static Func<StoredObject, bool> Filter(HttpRequest request, ApiResource resource)
    {
        var labels = LabelSelector.ForObjects(request.Query["labelSelector"]);
        var fields = FieldSelector.Parse(request.Query["fieldSelector"], resource);
        return o => labels(o) && fields(o);
    }

    private static async Task<T> BodyAsync<T>(HttpRequest request, string? @namespace)
        where T : JsonNode
    {
        var node = await JsonNode.ParseAsync(request.Body) as T
            ?? throw new ApiStatusException(400, "BadRequest", "the request body is not a JSON object");
        if (node is JsonObject { } obj && @namespace is { Length: > 0 }
            && (string?)(obj["metadata"] as JsonObject)?["namespace"] is { Length: > 0 } bodyNamespace && bodyNamespace != @namespace)
        {
            throw new ApiStatusException(400, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request");
        }

        return node;
    }

    private static async Task<Func<JsonObject, JsonObject>> PatchAsync(HttpRequest request)
    {
        var contentType = request.ContentType?.Split(';')[0].Trim();
        switch (contentType)
        {
            case "application/merge-patch+json":
                var merge = await BodyAsync<JsonObject>(request, null);
                return target => MergePatch.Apply(target, merge);
            case "application/strategic-merge-patch+json":
                var strategic = await BodyAsync<JsonObject>(request, null);
                return StrategicMergePatch.AsMergePatch(strategic) is { } plain
                    ? target => MergePatch.Apply(target, plain)
                    : throw new ApiStatusException(415, "UnsupportedMediaType",
                        "the emulator serves strategic merge patches only where they equal a JSON merge patch (no lists, no $ directives); use application/merge-patch+json or application/json-patch+json");
            case "application/json-patch+json":
                var operations = await BodyAsync<JsonArray>(request, null);
                return target => JsonPatch.Apply(target, operations);
            default:
                throw new ApiStatusException(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json");
        }
    }
}

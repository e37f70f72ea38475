using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LbOperator.Webhook.Hosting;

/// <summary>
/// The HTTP side of <c>/validate</c>: HTTPS only, a 3 MiB body limit like the API server's, and a
/// boundary that turns anything unexpected into a 4xx with a message — never a 500 or a stack trace.
/// </summary>
public static partial class AdmissionEndpoint
{
    public const int MaxBodyBytes = 3 * 1024 * 1024;

    public static async Task HandleAsync(HttpContext context, WebhookMode? endpointMode)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdmissionEndpoint));
        try
        {
            if (!context.Request.IsHttps)
            {
                await WriteErrorAsync(context, StatusCodes.Status404NotFound, "the admission webhook is served over HTTPS only");
                return;
            }

            var body = await ReadBodyAsync(context.Request, context.RequestAborted);
            if (body is null)
            {
                await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, $"the request body is larger than {MaxBodyBytes} bytes");
                return;
            }

            var handler = context.RequestServices.GetRequiredService<AdmissionReviewHandler>();
            var result = await handler.HandleAsync(body.Value, endpointMode, context.RequestAborted);
            if (result.Review is { } review)
            {
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = review.Length;
                await context.Response.Body.WriteAsync(review, context.RequestAborted);
                return;
            }

            await WriteErrorAsync(context, result.StatusCode, result.Error ?? "bad request");
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            LogAborted(logger);
        }
        catch (BadHttpRequestException e)
        {
            await TryWriteErrorAsync(context, e.StatusCode, $"bad request: {e.Message}");
        }
        catch (Exception e)
        {
            LogUnexpected(logger, e);
            await TryWriteErrorAsync(context, StatusCodes.Status400BadRequest, "the admission review could not be processed");
        }
    }

    /// <returns>The body, or null when it exceeds <see cref="MaxBodyBytes"/>.</returns>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Clamp(request.ContentLength ?? 16 * 1024, 1, MaxBodyBytes));
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(16 * 1024), cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > MaxBodyBytes)
            {
                return null;
            }
        }
    }

    private static async Task TryWriteErrorAsync(HttpContext context, int statusCode, string message)
    {
        if (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            await WriteErrorAsync(context, statusCode, message);
        }
    }

    private static Task WriteErrorAsync(HttpContext context, int statusCode, string message)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n", context.RequestAborted);
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Debug, Message = "The API server abandoned an admission review")]
    private static partial void LogAborted(ILogger logger);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Error, Message = "Unexpected failure while answering an admission review")]
    private static partial void LogUnexpected(ILogger logger, Exception error);
}

using System.Buffers;
using System.Diagnostics;
using LbOperator.Webhook.Metrics;
using LbOperator.Webhook.Admission;
using LbOperator.Webhook.Decisions;
using LbOperator.Webhook.Evaluation;
using LbOperator.Webhook.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LbOperator.Webhook.Hosting;

/// <summary>
/// Answers one AdmissionReview body: parse, decide within the time budget, count, and hand Events
/// off. Independent of HTTP so that tests and the fuzzer can call it in-process. At most
/// <see cref="WebhookOptions.MaxConcurrentReviews"/> decisions run at once; a decision gets a token that
/// fires when the budget is spent, and holds its slot until it has actually stopped.
/// </summary>
public sealed partial class AdmissionReviewHandler(
    AdmissionDecider decider,
    IAdmissionEventSink events,
    WebhookMetrics metrics,
    TimeProvider time,
    IOptions<WebhookOptions> options,
    ILogger<AdmissionReviewHandler> logger)
{
    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrentReviews, options.Value.MaxConcurrentReviews);

    public async Task<HandlerResult> HandleAsync(ReadOnlyMemory<byte> body, WebhookMode? endpointMode, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var read = AdmissionReviewReader.Read(body);
        if (read.Request is not { } request)
        {
            metrics.AdmissionRequests.WithLabels("unknown", "unknown", "invalid").Inc();
            LogBadReview(read.Error!);
            return HandlerResult.BadRequest(read.Error!);
        }

        var kindLabel = KindLabel(request.Kind);
        var operationLabel = request.Operation is "CREATE" or "UPDATE" or "DELETE" or "CONNECT" ? request.Operation : "other";
        AdmissionOutcome outcome;
        try
        {
            outcome = await DecideWithinBudgetAsync(request, endpointMode, cancellationToken);
        }
        catch (AdmissionInputException e)
        {
            metrics.AdmissionRequests.WithLabels(kindLabel, operationLabel, "invalid").Inc();
            LogBadReview(e.Message);
            return HandlerResult.BadRequest(e.Message);
        }

        metrics.AdmissionRequests.WithLabels(kindLabel, operationLabel, outcome.Decision.ToString().ToLowerInvariant()).Inc();
        metrics.AdmissionDuration.WithLabels(kindLabel).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        PostEvent(request, outcome);
        LogDecision(request.Uid, request.Kind.Kind, request.Namespace ?? "", request.Name ?? "", request.Operation, outcome.Decision);
        var response = new AdmissionResponse(request.Uid, outcome.Allowed, outcome.Warnings, outcome.Denial);
        return HandlerResult.Ok(AdmissionReviewWriter.ToBytes(response));
    }

    private async Task<AdmissionOutcome> DecideWithinBudgetAsync(AdmissionRequest request, WebhookMode? endpointMode, CancellationToken cancellationToken)
    {
        var budget = options.Value.TimeBudget;
        var deadline = new CancellationTokenSource(budget, time);
        var decision = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var token = decision.Token;
        // Both the answer and the decision use the token sources; whichever finishes last disposes them.
        var owners = 2;
        void Release()
        {
            if (Interlocked.Decrement(ref owners) == 0)
            {
                decision.Dispose();
                deadline.Dispose();
            }
        }

        try
        {
            await slots.WaitAsync(token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            owners = 1;
            Release();
            LogBusy(request.Uid, options.Value.MaxConcurrentReviews);
            return AdmissionOutcome.Unchecked("lb-operator: too many reviews in progress; allowed without a load-balancing check");
        }

        var work = Task.Run(() => decider.Decide(request, endpointMode, token), CancellationToken.None);
        _ = work.ContinueWith(
            finished =>
            {
                _ = finished.Exception;
                slots.Release();
                Release();
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            return await work.WaitAsync(token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogBudgetExceeded(request.Uid, budget.TotalMilliseconds);
            return AdmissionOutcome.Unchecked(
                $"lb-operator: the load-balancing check did not finish within {budget.TotalSeconds:0.###}s; allowed without it");
        }
        catch (Exception e) when (e is not AdmissionInputException and not OperationCanceledException)
        {
            LogDecisionFailed(e, request.Uid);
            return AdmissionOutcome.Unchecked("lb-operator: the load-balancing check failed (internal error); allowed without it");
        }
        finally
        {
            Release();
        }
    }

    private void PostEvent(AdmissionRequest request, AdmissionOutcome outcome)
    {
        if (request.DryRun || request.Operation != "UPDATE" || outcome.Object is not { } target)
        {
            return;
        }

        var admissionEvent = outcome.Decision switch
        {
            AdmissionDecisionKind.Denied => new AdmissionEvent(target, AdmissionEvent.DeniedReason, outcome.Denial!.Message),
            AdmissionDecisionKind.Warned => new AdmissionEvent(target, AdmissionEvent.WarnedReason, string.Join("; ", outcome.Warnings)),
            _ => null,
        };
        if (admissionEvent is not null && !events.TryPost(admissionEvent))
        {
            LogEventDropped(admissionEvent.Reason, target.Ref.ToString());
        }
    }

    private static string KindLabel(GroupVersionKind kind) =>
        AdmittedObjectDecoder.KindOf(kind) is { } known ? new Core.Model.ObjectRef(known, "-", "-").KindName : "other";

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Admission review {Uid} for {Kind} {Namespace}/{Name} ({Operation}): {Decision}")]
    private partial void LogDecision(string uid, string kind, string @namespace, string name, string operation, AdmissionDecisionKind decision);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Rejected a malformed admission review: {Reason}")]
    private partial void LogBadReview(string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Admission review {Uid} exceeded its time budget of {BudgetMs} ms; allowed unchecked")]
    private partial void LogBudgetExceeded(string uid, double budgetMs);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "Admission review {Uid} failed; allowed unchecked")]
    private partial void LogDecisionFailed(Exception error, string uid);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Admission review {Uid} found all {Slots} decision slots busy for its whole time budget; allowed unchecked")]
    private partial void LogBusy(string uid, int slots);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "The admission Event queue is full; dropped {Reason} for {Object}")]
    private partial void LogEventDropped(string reason, string @object);
}

namespace LbOperator.Webhook.Evaluation;

/// <summary>The review is well-formed but its object cannot be read; answered with 400 and this message.</summary>
public sealed class AdmissionInputException(string message, Exception? inner = null) : Exception(message, inner);

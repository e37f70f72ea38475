using System.Globalization;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// Something wrong with, or worth knowing about, one input: an error (the input could not be read) or a
/// note (something was skipped). Printed as <c>file:line:col: message</c>; line and column are 1-based, 0 when unknown.
/// </summary>
public sealed record InputDiagnostic(string File, int Line, int Column, string Message, bool IsError)
{
    public static InputDiagnostic Error(string file, int line, int column, string message) => new(file, line, column, message, true);

    public static InputDiagnostic Note(string file, int line, int column, string message) => new(file, line, column, message, false);

    public override string ToString() => Line <= 0
        ? $"{File}: {Message}"
        : string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {Message}");
}

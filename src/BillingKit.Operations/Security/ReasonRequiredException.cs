using System.Globalization;

namespace BillingKit.Operations;

/// <summary>A desk action or decision was asked for without a usable reason. Every desk action that changes
/// something, and every approval or rejection, records why.</summary>
public sealed class ReasonRequiredException : BillingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="given">The reason given, possibly null or blank.</param>
    public ReasonRequiredException(string? given)
        : base(Describe(given))
    {
        Given = given;
    }

    /// <summary>Gets the reason that was given, possibly null or blank.</summary>
    public string? Given { get; }

    private static string Describe(string? given) =>
        string.IsNullOrWhiteSpace(given)
            ? "A reason is required: say why in words the audit log's readers understand (for example 'customer was charged twice on 3 March')."
            : string.Create(CultureInfo.InvariantCulture, $"The reason is {given.Length} characters long; keep it to {DeskRequest.MaxReasonLength} and put long evidence in a note.");
}

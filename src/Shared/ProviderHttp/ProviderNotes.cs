using System.Text;

namespace BillingKit.Providers.Http;

/// <summary>The free text the adapters send where a provider takes prose rather than fields: dispute evidence and
/// refund notes (which carry our idempotency key, so a refund can be matched to its request later).</summary>
internal static class ProviderNotes
{
    /// <summary>The evidence's prose parts that are set, joined by <paramref name="separator"/>, then <paramref name="extra"/>.</summary>
    public static string Evidence(DisputeEvidence evidence, string separator, params string?[] extra) => string.Join(
        separator,
        new[]
        {
            evidence.ProductDescription,
            evidence.ServiceDate is { } date ? "Service period: " + date : null,
            evidence.AccessActivityLog is { } log ? "Usage: " + log : null,
            evidence.RefundRefusalExplanation,
            evidence.CancellationRebuttal,
            evidence.UncategorizedText,
        }.Concat(extra).Where(part => !string.IsNullOrWhiteSpace(part)));

    /// <summary>"BillingKit refund (reason): note[; payment id]; key k".</summary>
    public static string Refund(RefundRequest refund, bool withPaymentId)
    {
        var note = new StringBuilder("BillingKit refund (").Append(refund.Reason.ToString()).Append(')');
        if (!string.IsNullOrWhiteSpace(refund.Note))
        {
            note.Append(": ").Append(refund.Note);
        }

        if (withPaymentId && refund.PaymentId is { } payment)
        {
            note.Append("; payment ").Append(payment.Value);
        }

        return note.Append("; key ").Append(refund.IdempotencyKey.Value).ToString();
    }
}

using System.Globalization;
using NodaTime;

namespace BillingKit.Operations;

/// <summary>The pure refund policy over <see cref="RefundPolicyOptions"/> (an immutable copy).</summary>
internal sealed class RefundPolicy(RefundPolicyOptions options)
{
    public const string AboveRefundable = "refund.above-refundable";
    public const string NotReceived = "refund.payment-not-received";
    public const string TechnicalError = "refund.technical-error";
    public const string DuplicateCharge = "refund.duplicate-charge";
    public const string AccidentalRenewalWindow = "refund.accidental-renewal-window";
    public const string NotCovered = "refund.not-covered";

    private readonly bool _technical = options.AllowTechnicalErrors;
    private readonly bool _duplicates = options.AllowDuplicateCharges;
    private readonly Duration _renewalWindow = Duration.FromTimeSpan(options.AccidentalRenewalWindow);

    /// <summary>Evaluates a refund of <paramref name="requested"/> of a payment at <paramref name="now"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="requested"/> is zero or negative.</exception>
    /// <exception cref="CurrencyMismatchException"><paramref name="requested"/> is not in the payment's currency.</exception>
    public RefundVerdict Evaluate(PaymentFacts payment, Money requested, RefundCause cause, Instant now)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (!requested.IsPositive)
        {
            throw new ArgumentOutOfRangeException(nameof(requested), requested, "Expected a refund above zero.");
        }

        if (!payment.Succeeded)
        {
            return new(RefundDecision.Refused, NotReceived, "The payment received no money, so there is nothing to refund.");
        }

        var refundable = payment.Refundable;
        if (requested > refundable)
        {
            return new(RefundDecision.Refused, AboveRefundable, $"{requested} is above the {refundable} still refundable on this payment.");
        }

        switch (cause)
        {
            case RefundCause.TechnicalError when _technical:
                return new(RefundDecision.Allowed, TechnicalError, "Refunds for technical errors are allowed.");
            case RefundCause.DuplicateCharge when _duplicates:
                return new(RefundDecision.Allowed, DuplicateCharge, "Refunds of duplicate charges are allowed.");
            case RefundCause.AccidentalRenewal when payment.IsRenewal && _renewalWindow > Duration.Zero && now - payment.PaidAt <= _renewalWindow:
                return new(RefundDecision.Allowed, AccidentalRenewalWindow, string.Create(
                    CultureInfo.InvariantCulture,
                    $"The renewal was {Days(now - payment.PaidAt)} ago, within the {Days(_renewalWindow)} allowed for accidental renewals."));
            default:
                return new(RefundDecision.NeedsReview, NotCovered, $"No rule allows a {cause} refund of this payment outright; a person with refund permission decides.");
        }
    }

    private static string Days(Duration duration) =>
        duration.Days.ToString(CultureInfo.InvariantCulture) + (duration.Days == 1 ? " day" : " days")
        + (duration.Hours > 0 ? " " + duration.Hours.ToString(CultureInfo.InvariantCulture) + " h" : string.Empty);
}

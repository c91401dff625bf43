using NodaTime;

namespace BillingKit.Operations;

/// <summary>Payments that look like one charge taken more than once: same customer, same amount, same day.</summary>
/// <param name="Original">The earliest payment, which the customer meant to make.</param>
/// <param name="Duplicates">The later payments, oldest first, with something still refundable.</param>
/// <param name="Date">The day they were taken, in the tenant's time zone.</param>
/// <param name="SuggestedRefund">What to refund: what is still refundable on the duplicates.</param>
public sealed record SuspectedDuplicateCharge(
    PaymentFacts Original,
    IReadOnlyList<PaymentFacts> Duplicates,
    LocalDate Date,
    Money SuggestedRefund);

using BillingKit.Ledger;
using BillingKit.Providers;

namespace BillingKit.Operations;

/// <summary>What a request for the provider's hosted checkout did.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Invoice">The invoice to be paid.</param>
/// <param name="Checkout">The provider's page (its address and id), for <see cref="HostedCheckoutOutcome.Opened"/>.</param>
/// <param name="Payment">The expected (pending) ledger payment the checkout collects, for <see cref="HostedCheckoutOutcome.Opened"/>.</param>
/// <param name="Explanation">Why, in words for the desk.</param>
public sealed record HostedCheckoutResult(
    HostedCheckoutOutcome Outcome,
    InvoiceId Invoice,
    HostedCheckout? Checkout,
    PaymentRecord? Payment,
    string Explanation);

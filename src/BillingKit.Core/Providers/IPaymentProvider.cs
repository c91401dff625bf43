namespace BillingKit.Providers;

/// <summary>
/// One account at one payment provider (Stripe, Paystack, Flutterwave, or the built-in offline provider): the
/// operations the billing desk performs through it. Get one from <see cref="IPaymentProviderRegistry"/>.
/// </summary>
/// <remarks>
/// <para>Implementations are thread-safe. Every amount is <see cref="Money"/>; an adapter converts to the provider's
/// units itself. An operation the provider does not support (see <see cref="Capabilities"/>) throws
/// <see cref="UnsupportedProviderOperationException"/>, and a currency it does not support throws
/// <see cref="UnsupportedCurrencyException"/>, both before any request is sent.</para>
/// <para>Every provider error (declines, unknown ids, authentication, rate limits, outages, network failures) is
/// raised as a <see cref="ProviderException"/>; <see cref="ProviderException.IsTransient"/> says whether trying again
/// may succeed. Mutating operations take an <see cref="IdempotencyKey"/> derived from our own operation ids so that
/// a retried call is never performed twice at the provider.</para>
/// </remarks>
public interface IPaymentProvider
{
    /// <summary>Gets the provider, such as <see cref="ProviderName.Stripe"/>.</summary>
    ProviderName Provider { get; }

    /// <summary>Gets the name of the account at the provider, <see cref="PaymentProviderRegistration.DefaultAccount"/>
    /// unless the host configured several.</summary>
    string Account { get; }

    /// <summary>Gets the operations this provider supports.</summary>
    ProviderCapabilities Capabilities { get; }

    /// <summary>Tells whether the provider (as configured) accepts payments and refunds in a currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    bool SupportsCurrency(Currency currency);

    /// <summary>Retrieves a payment (a Stripe PaymentIntent or Charge, a Paystack or Flutterwave transaction).</summary>
    /// <param name="providerPaymentId">The provider's id of the payment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The payment as the provider sees it now.</returns>
    /// <exception cref="ArgumentException"><paramref name="providerPaymentId"/> is empty.</exception>
    /// <exception cref="UnsupportedProviderOperationException">The provider keeps no payments.</exception>
    /// <exception cref="ProviderException">The provider refused or failed; an unknown id has
    /// <see cref="ProviderErrorKind.NotFound"/>.</exception>
    Task<ProviderPayment> GetPaymentAsync(string providerPaymentId, CancellationToken cancellationToken = default);

    /// <summary>Charges a customer's saved payment method without the customer present, for a dunning retry.</summary>
    /// <param name="charge">What to charge, on which saved method, with which idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call. A cancelled or timed-out call leaves the outcome unknown:
    /// keep the payment in Processing and resolve it later with <see cref="ResolvePaymentAsync"/>.</param>
    /// <returns>The payment; its <see cref="ProviderPayment.Status"/> may still be
    /// <see cref="ProviderPaymentStatus.Processing"/> (bank debits) or <see cref="ProviderPaymentStatus.RequiresAction"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="charge"/> is null.</exception>
    /// <exception cref="UnsupportedProviderOperationException">The provider cannot charge saved methods.</exception>
    /// <exception cref="UnsupportedCurrencyException">The provider does not support the amount's currency.</exception>
    /// <exception cref="ProviderException">The charge was declined (<see cref="ProviderErrorKind.Declined"/> with
    /// <see cref="ProviderException.DeclineCode"/>) or the provider failed.</exception>
    Task<ProviderPayment> ChargeSavedPaymentMethodAsync(SavedPaymentMethodCharge charge, CancellationToken cancellationToken = default);

    /// <summary>Refunds a payment fully or partially.</summary>
    /// <param name="refund">The payment, the amount (none for the full remaining amount), the reason and the
    /// idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The refund; providers may report it <see cref="ProviderRefundStatus.Pending"/> first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="refund"/> is null.</exception>
    /// <exception cref="UnsupportedProviderOperationException">The provider cannot refund, or cannot refund partially.</exception>
    /// <exception cref="UnsupportedCurrencyException">The provider does not support the amount's currency.</exception>
    /// <exception cref="ProviderException">The provider refused (an amount above the refundable remainder, an
    /// unknown payment) or failed.</exception>
    Task<ProviderRefund> RefundAsync(RefundRequest refund, CancellationToken cancellationToken = default);

    /// <summary>Retrieves a customer held by the provider.</summary>
    /// <param name="providerCustomerId">The provider's id (or code) of the customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The customer.</returns>
    /// <exception cref="ArgumentException"><paramref name="providerCustomerId"/> is empty.</exception>
    /// <exception cref="UnsupportedProviderOperationException">The provider keeps no customers.</exception>
    /// <exception cref="ProviderException">The provider failed; an unknown id has <see cref="ProviderErrorKind.NotFound"/>.</exception>
    Task<ProviderCustomer> GetCustomerAsync(string providerCustomerId, CancellationToken cancellationToken = default);

    /// <summary>Finds the provider's customers with an email address, paging through the provider's results.</summary>
    /// <param name="email">The email address.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The customers, possibly none.</returns>
    /// <exception cref="ArgumentException"><paramref name="email"/> is empty.</exception>
    /// <exception cref="UnsupportedProviderOperationException">The provider cannot search customers.</exception>
    /// <exception cref="ProviderException">The provider failed.</exception>
    IAsyncEnumerable<ProviderCustomer> FindCustomersByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Sends evidence for a dispute (charge-back), and submits it when
    /// <see cref="DisputeEvidence.Submit"/> is set.</summary>
    /// <param name="evidence">The dispute and its evidence.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The dispute after the update.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evidence"/> is null.</exception>
    /// <exception cref="UnsupportedProviderOperationException">The provider takes no evidence.</exception>
    /// <exception cref="ProviderException">The provider refused (for example the response window has closed) or failed.</exception>
    Task<ProviderDispute> SubmitDisputeEvidenceAsync(DisputeEvidence evidence, CancellationToken cancellationToken = default);

    /// <summary>Accepts a dispute (closes it as lost): the customer keeps the money.</summary>
    /// <param name="providerDisputeId">The provider's id of the dispute.</param>
    /// <param name="idempotencyKey">Makes the call safe to retry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The dispute after closing.</returns>
    /// <exception cref="ArgumentException"><paramref name="providerDisputeId"/> is empty.</exception>
    /// <exception cref="UnsupportedProviderOperationException">The provider cannot accept disputes through its API.</exception>
    /// <exception cref="ProviderException">The provider refused or failed.</exception>
    Task<ProviderDispute> AcceptDisputeAsync(string providerDisputeId, IdempotencyKey idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Cancels a subscription that the provider holds, now or at the end of the current period.</summary>
    /// <param name="cancellation">The subscription, when to cancel, and the idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription after the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cancellation"/> is null.</exception>
    /// <exception cref="UnsupportedProviderOperationException">The provider holds no subscriptions, or cannot cancel
    /// at period end (<see cref="ProviderCapabilities.CancelSubscriptionAtPeriodEnd"/>).</exception>
    /// <exception cref="ProviderException">The provider refused or failed.</exception>
    Task<ProviderSubscription> CancelSubscriptionAsync(SubscriptionCancellation cancellation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reconciliation: asks the provider what became of a payment that we left in Processing after a timeout or an
    /// unknown outcome. Never guesses: when the provider does not know the payment, the result says so.
    /// </summary>
    /// <param name="lookup">Our payment id, the provider's id when the first call returned one, and the amount we
    /// expected.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The resolution: succeeded, failed, still processing, not found, or a mismatch of amount or currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lookup"/> is null.</exception>
    /// <exception cref="UnsupportedProviderOperationException">The provider cannot be asked (offline payments).</exception>
    /// <exception cref="ProviderException">The provider failed; try again later.</exception>
    Task<PaymentResolution> ResolvePaymentAsync(PaymentLookup lookup, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a checkout page that the provider hosts for one expected payment (Stripe Checkout, Paystack's and
    /// Flutterwave's standard checkout), for a customer who pays by hand rather than from a saved method.
    /// </summary>
    /// <param name="request">Our payment, the amount, the payer and where to send them back.</param>
    /// <param name="cancellationToken">Cancels the call. A checkout made by a cancelled call only expires unused.</param>
    /// <returns>The page's address and the provider's id of it. The payment itself arrives later as a
    /// <see cref="PaymentSucceededEvent"/> whose <see cref="PaymentSucceededEvent.PaymentId"/> is
    /// <see cref="HostedCheckoutRequest.PaymentId"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="UnsupportedProviderOperationException">The provider hosts no checkout (offline payments).</exception>
    /// <exception cref="UnsupportedCurrencyException">The provider does not support the amount's currency.</exception>
    /// <exception cref="ProviderException">The provider refused or failed.</exception>
    Task<HostedCheckout> CreateHostedCheckoutAsync(HostedCheckoutRequest request, CancellationToken cancellationToken = default);
}

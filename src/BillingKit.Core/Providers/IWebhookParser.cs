namespace BillingKit.Providers;

/// <summary>Verifies one provider account's webhooks and turns them into provider-neutral <see cref="BillingEvent"/>s.
/// Get one from <see cref="IPaymentProviderRegistry.GetWebhookParser"/>.</summary>
/// <remarks>Implementations are thread-safe and do no I/O. They do not remember events: detecting a replayed
/// <see cref="BillingEvent.EventId"/> is the caller's job.</remarks>
public interface IWebhookParser
{
    /// <summary>Gets the provider.</summary>
    ProviderName Provider { get; }

    /// <summary>Gets the account whose secrets verify the webhooks.</summary>
    string Account { get; }

    /// <summary>Verifies a delivery and maps it to an event.</summary>
    /// <param name="request">The raw body and headers.</param>
    /// <returns>The event; an <see cref="UnmappedEvent"/> for a verified event of a type BillingKit does not act on.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="WebhookVerificationException">The delivery is not authentic or not readable: nothing in it may
    /// be trusted. Answer 400 and record nothing.</exception>
    BillingEvent Parse(WebhookRequest request);
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using BillingKit.Flutterwave.Internal;
using BillingKit.Providers;
using BillingKit.Providers.Http;
using NodaTime;

namespace BillingKit.Flutterwave;

/// <summary>
/// One Flutterwave account (API v3) as an <see cref="IPaymentProvider"/>: transaction verification, tokenized charges
/// for dunning retries, hosted checkout links (Flutterwave Standard), refunds and chargebacks. Get it from <see cref="IPaymentProviderRegistry"/> after
/// <c>builder.AddFlutterwave(...)</c>.
/// </summary>
/// <remarks>
/// <para>Flutterwave takes and reports amounts in major units (NGN 10.50, not 1050 kobo). The adapter converts from
/// <see cref="Money"/>'s minor units exactly, with decimal arithmetic, and refuses an amount Flutterwave reports with
/// more decimals than the currency has rather than rounding it.</para>
/// <para>Payment ids are Flutterwave transaction ids (numbers); a transaction reference (<c>tx_ref</c>) is accepted
/// too. A tokenized charge and a hosted checkout use the reference <c>bk_</c> + our <see cref="PaymentId"/>, so
/// <see cref="ResolvePaymentAsync"/> finds the payment from our id alone. A verified transaction counts only with status
/// <c>successful</c> and the amount and currency asked for, whatever the HTTP status.</para>
/// <para>Flutterwave deduplicates neither charges nor refunds, so writes are resent only after a 429 or a connection
/// that never opened (a hosted checkout link, which moves no money, is resent like a read). After a timeout or a 5xx, a charge is looked up by its reference: the charge found is returned;
/// when none is found the error is raised and the payment must be reconciled later, never charged blindly again. A
/// refund whose outcome is unknown raises a <see cref="ProviderException"/> that is not transient: staff must check
/// the payment's refunds before trying again.
/// Customers and subscriptions are not supported (v3 has no customer lookup; BillingKit bills subscriptions itself).
/// Thread-safe.</para>
/// </remarks>
public sealed class FlutterwavePaymentProvider : IPaymentProvider
{
    private const string ReferencePrefix = "bk_";

    private const ProviderCapabilities Supported =
        ProviderCapabilities.RetrievePayment | ProviderCapabilities.ChargeSavedPaymentMethod | ProviderCapabilities.Refund
        | ProviderCapabilities.PartialRefund | ProviderCapabilities.SubmitDisputeEvidence | ProviderCapabilities.AcceptDispute
        | ProviderCapabilities.ResolvePayment | ProviderCapabilities.HostedCheckout;

    /// <summary>Flutterwave's longest checkout session, in minutes (24 hours).</summary>
    private const long MaxSessionMinutes = 1440;

    private readonly JsonProviderApi _api;
    private readonly HashSet<string> _currencies;
    private readonly string _country;
    private readonly IClock _clock;

    internal FlutterwavePaymentProvider(HttpClient http, FlutterwaveOptions options, string account, IClock clock, Microsoft.Extensions.Logging.ILogger logger)
    {
        _clock = clock;
        _api = new JsonProviderApi(http, FlutterwaveErrorCatalog.Profile, options.HttpSettings(), account, logger);
        _currencies = new HashSet<string>(options.Currencies, StringComparer.OrdinalIgnoreCase);
        _country = options.Country;
        Account = account;
    }

    /// <inheritdoc/>
    public ProviderName Provider => ProviderName.Flutterwave;

    /// <inheritdoc/>
    public string Account { get; }

    /// <inheritdoc/>
    /// <remarks>Payments, tokenized charges, hosted checkouts, refunds, chargebacks and reconciliation; not customers or
    /// subscriptions.</remarks>
    public ProviderCapabilities Capabilities => Supported;

    /// <inheritdoc/>
    /// <remarks>The account's <see cref="FlutterwaveOptions.Currencies"/>.</remarks>
    public bool SupportsCurrency(Currency currency) => _currencies.Contains(currency.Code);

    /// <inheritdoc/>
    /// <remarks>A numeric id calls <c>GET /transactions/{id}/verify</c>; anything else is taken as a transaction
    /// reference and calls <c>GET /transactions/verify_by_reference?tx_ref=</c>.</remarks>
    public async Task<ProviderPayment> GetPaymentAsync(string providerPaymentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerPaymentId);
        var path = IsTransactionId(providerPaymentId)
            ? $"transactions/{providerPaymentId}/verify"
            : "transactions/verify_by_reference?tx_ref=" + Uri.EscapeDataString(providerPaymentId);
        return ReadTransaction(Data(await _api.GetAsync(path, cancellationToken).ConfigureAwait(false)));
    }

    /// <inheritdoc/>
    /// <remarks>Calls <c>POST /tokenized-charges</c> with the card token
    /// (<see cref="SavedPaymentMethodCharge.ProviderPaymentMethodId"/>), the email the card was first charged with, the
    /// amount in major units, the account's country and the reference <c>bk_</c> + our payment id.</remarks>
    /// <exception cref="ArgumentException">No customer email is known.</exception>
    public async Task<ProviderPayment> ChargeSavedPaymentMethodAsync(SavedPaymentMethodCharge charge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(charge);
        RequireCurrency(charge.Amount.Currency);
        var email = charge.CustomerEmail
            ?? (charge.ProviderCustomerId.Contains('@', StringComparison.Ordinal) ? charge.ProviderCustomerId : null)
            ?? throw new ArgumentException("Flutterwave charges a token only with the exact email address of its first charge; set SavedPaymentMethodCharge.CustomerEmail.", nameof(charge));
        var reference = Reference(charge.PaymentId);
        var body = new JsonObject
        {
            ["token"] = charge.ProviderPaymentMethodId,
            ["email"] = email,
            ["currency"] = charge.Amount.Currency.Code,
            ["country"] = _country,
            ["amount"] = FlutterwaveAmount.ToMajor(charge.Amount),
            ["tx_ref"] = reference,
        };
        if (charge.Description is { } description)
        {
            body["narration"] = description;
        }

        ProviderPayment payment;
        try
        {
            payment = ReadTransaction(Data(await _api.SendAsync(HttpMethod.Post, "tokenized-charges", body, RetrySafety.OnlyWhenNotProcessed, cancellationToken).ConfigureAwait(false)));
        }
        catch (ProviderException e) when (e.Kind is ProviderErrorKind.Network or ProviderErrorKind.ProviderUnavailable)
        {
            // The outcome is unknown and Flutterwave does not deduplicate: look for the charge instead of charging again.
            var found = await FindByReferenceAsync(reference, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                throw;
            }

            payment = found;
        }
        catch (ProviderException e) when (e.Kind == ProviderErrorKind.Declined)
        {
            throw new ProviderException(ProviderName.Flutterwave, ProviderErrorKind.Declined, e.Code, e.Message, e)
            {
                Account = Account,
                HttpStatus = e.HttpStatus,
                DeclineCode = e.DeclineCode,
                ProviderPaymentId = reference,
            };
        }

        return _api.CheckCharge(payment, charge);
    }

    /// <inheritdoc/>
    /// <remarks>Verifies the transaction first (for its id, currency and amount: a refund in another currency or above
    /// the payment is refused before the refund call), then calls <c>POST /transactions/{id}/refund</c> with the amount
    /// in major units (none for a full refund) and our reason, note and idempotency key as comments.</remarks>
    /// <exception cref="CurrencyMismatchException">The refund is not in the payment's currency.</exception>
    public async Task<ProviderRefund> RefundAsync(RefundRequest refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        if (refund.Amount is { } requested)
        {
            RequireCurrency(requested.Currency);
        }

        var payment = await GetPaymentAsync(refund.ProviderPaymentId, cancellationToken).ConfigureAwait(false);
        var body = new JsonObject();
        if (refund.Amount is { } amount)
        {
            payment.Amount.EnsureSameCurrency(amount);
            if (amount > payment.Amount)
            {
                throw _api.Error(ProviderErrorKind.InvalidRequest, "refund_exceeds_charge", $"A refund of {amount} is above payment {payment.ProviderPaymentId} of {payment.Amount}; nothing was refunded.", null);
            }

            body["amount"] = FlutterwaveAmount.ToMajor(amount);
        }

        body["comments"] = ProviderNotes.Refund(refund, withPaymentId: false);
        JsonElement data;
        try
        {
            data = Data(await _api.SendAsync(HttpMethod.Post, $"transactions/{payment.ProviderPaymentId}/refund", body, RetrySafety.OnlyWhenNotProcessed, cancellationToken).ConfigureAwait(false));
        }
        catch (ProviderException e) when (e.Kind is ProviderErrorKind.Network or ProviderErrorKind.ProviderUnavailable)
        {
            // Flutterwave does not deduplicate refunds: after an unknown outcome a retry could refund twice.
            throw new ProviderException(ProviderName.Flutterwave, e.Kind, e.Code, $"{e.Message} The refund of payment {payment.ProviderPaymentId} may have been made: check its refunds in the Flutterwave dashboard before trying again, because Flutterwave does not deduplicate refunds.", e)
            {
                Account = Account,
                HttpStatus = e.HttpStatus,
                IsTransient = false,
                ProviderPaymentId = payment.ProviderPaymentId,
            };
        }

        var refunded = data.Decimal("amount_refunded") ?? data.Decimal("amount");
        return new ProviderRefund
        {
            Provider = ProviderName.Flutterwave,
            ProviderRefundId = data.Text("id") ?? throw _api.Invalid("a refund without an id"),
            ProviderPaymentId = payment.ProviderPaymentId,
            Amount = refunded is { } major ? ToMoney(major, payment.Amount.Currency) : refund.Amount ?? payment.Amount,
            Status = RefundStatus(data.Text("status")),
            CreatedAt = data.Time("created_at"),
        };
    }

    /// <inheritdoc/>
    /// <remarks>Not supported: Flutterwave's v3 API has no customer lookup.</remarks>
    public Task<ProviderCustomer> GetCustomerAsync(string providerCustomerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerCustomerId);
        throw new UnsupportedProviderOperationException(ProviderName.Flutterwave, ProviderCapabilities.RetrieveCustomer, "Flutterwave's v3 API keeps no customers to look up; use the email and card token from the verified transaction.");
    }

    /// <inheritdoc/>
    /// <remarks>Not supported: Flutterwave's v3 API has no customer search.</remarks>
    public IAsyncEnumerable<ProviderCustomer> FindCustomersByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        throw new UnsupportedProviderOperationException(ProviderName.Flutterwave, ProviderCapabilities.FindCustomersByEmail, "Flutterwave's v3 API has no customer search; find the customer in BillingKit.");
    }

    /// <inheritdoc/>
    /// <remarks>Flutterwave takes one answer to a chargeback: <c>PUT /chargebacks/{id}</c> with <c>action=decline</c>
    /// and a comment, built from the evidence's text fields (upload proof files in the dashboard). It cannot stage
    /// evidence, so <see cref="DisputeEvidence.Submit"/> must be set.</remarks>
    /// <exception cref="ArgumentException"><see cref="DisputeEvidence.Submit"/> is not set, the evidence has no text, or
    /// the id is not numeric.</exception>
    public async Task<ProviderDispute> SubmitDisputeEvidenceAsync(DisputeEvidence evidence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (!evidence.Submit)
        {
            throw new ArgumentException("Flutterwave cannot stage chargeback evidence; send it with Submit set, once.", nameof(evidence));
        }

        var comment = ProviderNotes.Evidence(evidence, " | ", evidence.CustomerEmail is { } email ? "Customer: " + email : null);
        if (comment.Length == 0)
        {
            throw new ArgumentException("The evidence has no text for Flutterwave's chargeback comment; set ProductDescription, ServiceDate, AccessActivityLog or UncategorizedText.", nameof(evidence));
        }

        return await ActOnChargebackAsync(evidence.ProviderDisputeId, "decline", comment + " (BillingKit " + evidence.IdempotencyKey.Value + ")", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>Calls <c>PUT /chargebacks/{id}</c> with <c>action=accept</c>.</remarks>
    public Task<ProviderDispute> AcceptDisputeAsync(string providerDisputeId, IdempotencyKey idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerDisputeId);
        if (idempotencyKey.Value.Length == 0)
        {
            throw new ArgumentException("Expected an idempotency key derived from the chargeback, such as IdempotencyKey.Derive(\"accept-dispute\", id).", nameof(idempotencyKey));
        }

        return ActOnChargebackAsync(providerDisputeId, "accept", "Accepted by the merchant (BillingKit " + idempotencyKey.Value + ")", cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>Not supported: BillingKit bills subscriptions itself and charges saved card tokens.</remarks>
    public Task<ProviderSubscription> CancelSubscriptionAsync(SubscriptionCancellation cancellation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cancellation);
        var operation = cancellation.Timing == SubscriptionCancellationTiming.AtPeriodEnd
            ? ProviderCapabilities.CancelSubscriptionAtPeriodEnd
            : ProviderCapabilities.CancelSubscription;
        throw new UnsupportedProviderOperationException(ProviderName.Flutterwave, operation, "BillingKit bills subscriptions itself and charges saved Flutterwave card tokens; cancel the subscription in BillingKit.");
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <para>Flutterwave Standard: <c>POST /payments</c> with <c>tx_ref</c> = <c>bk_</c> + our payment id (the reference
    /// the <c>charge.completed</c> webhook and <see cref="ResolvePaymentAsync"/> map back to our payment), the amount in
    /// major units, the currency, <c>redirect_url</c> = <see cref="HostedCheckoutRequest.ReturnUrl"/>, the customer's
    /// email and name, <c>customizations.description</c> = <see cref="HostedCheckoutRequest.Description"/> (or
    /// "Invoice {id}" / "Payment {id}"), and <c>meta</c> with our payment id, invoice id and idempotency key. Flutterwave
    /// has no separate cancel address (it sends a cancelling customer to <c>redirect_url</c> with
    /// <c>status=cancelled</c>), so <see cref="HostedCheckoutRequest.CancelUrl"/> is not sent; nor is
    /// <see cref="HostedCheckoutRequest.ProviderCustomerId"/> (v3 keeps no customers).</para>
    /// <para>The answer's <c>data.link</c> is the page. <see cref="HostedCheckout.ProviderCheckoutId"/> and
    /// <see cref="HostedCheckout.ProviderPaymentId"/> are the <c>tx_ref</c>. Flutterwave states no expiry for the link, so
    /// <see cref="HostedCheckout.ExpiresAt"/> is <see langword="null"/>; a requested
    /// <see cref="HostedCheckoutRequest.ExpiresAt"/> is sent as <c>session_duration</c> (whole minutes from now, at most
    /// Flutterwave's 1440), which Flutterwave does not confirm in its answer.</para>
    /// <para>Idempotency: this endpoint takes no idempotency key, and Flutterwave only says a <c>tx_ref</c> must be
    /// unique per transaction. The key is stored in <c>meta</c> for tracing. One checkout per payment id: before
    /// creating it, the adapter looks the reference up, and if Flutterwave already has a transaction for it (the payment
    /// was paid or attempted through an earlier link) refuses with <see cref="ProviderErrorKind.Conflict"/>
    /// (<c>duplicate_reference</c>), so a second link can never collect the same payment twice; make a new payment for a
    /// new link. Creating a link moves no money, so the request is resent after a timeout or a 5xx: at worst Flutterwave
    /// keeps an unused page that nobody was given.</para>
    /// </remarks>
    /// <exception cref="ArgumentException"><see cref="HostedCheckoutRequest.ExpiresAt"/> is less than a minute from
    /// now.</exception>
    public async Task<HostedCheckout> CreateHostedCheckoutAsync(HostedCheckoutRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireCurrency(request.Amount.Currency);
        var sessionMinutes = SessionMinutes(request);
        var reference = Reference(request.PaymentId);
        var body = CheckoutBody(request, reference, sessionMinutes);
        if (await FindByReferenceAsync(reference, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            throw new ProviderException(ProviderName.Flutterwave, ProviderErrorKind.Conflict, "duplicate_reference", $"Flutterwave already has transaction {existing.ProviderPaymentId} ({existing.Status}, {existing.Amount}) with reference {reference}: payment {request.PaymentId} was already paid or attempted through an earlier checkout, so no second link was made. Check that transaction, and create a new payment for a new checkout.")
            {
                Account = Account,
                ProviderPaymentId = existing.ProviderPaymentId,
            };
        }

        // Retried like a read: a link moves no money, and only the link of the answer is handed out.
        var data = Data(await _api.SendAsync(HttpMethod.Post, "payments", body, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false));
        var link = data.Text("link");
        if (!Uri.TryCreate(link, UriKind.Absolute, out var url) || !string.Equals(url.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal))
        {
            throw _api.Invalid(link is null ? "a hosted checkout without a link" : $"a hosted checkout link that is not an absolute https address ('{link}')");
        }

        return new HostedCheckout
        {
            Provider = ProviderName.Flutterwave,
            ProviderCheckoutId = reference,
            Url = url,
            PaymentId = request.PaymentId,
            Amount = request.Amount,
            ProviderPaymentId = reference,
            ExpiresAt = null,
        };
    }

    /// <inheritdoc/>
    /// <remarks>Verifies the given transaction, or else the one with reference <c>bk_</c> + our payment id; a payment
    /// Flutterwave does not know resolves as <see cref="PaymentResolutionStatus.NotFound"/>.</remarks>
    public async Task<PaymentResolution> ResolvePaymentAsync(PaymentLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        try
        {
            var payment = await GetPaymentAsync(lookup.ProviderPaymentId ?? Reference(lookup.PaymentId), cancellationToken).ConfigureAwait(false);
            return PaymentResolution.FromPayment(payment, lookup.ExpectedAmount);
        }
        catch (ProviderException e) when (e.Kind == ProviderErrorKind.NotFound)
        {
            return PaymentResolution.NotFound();
        }
    }

    /// <summary>Lists the account's chargebacks, paging through <c>GET /chargebacks</c>.</summary>
    /// <param name="flwRef">Only the chargebacks of the transaction with this Flutterwave reference, when given.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The chargebacks.</returns>
    /// <exception cref="ProviderException">Flutterwave refused or failed.</exception>
    public async IAsyncEnumerable<ProviderDispute> ListChargebacksAsync(string? flwRef = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var page = 1; ; page++)
        {
            var query = FormattableString.Invariant($"chargebacks?page={page}") + (flwRef is null ? string.Empty : "&flw_ref=" + Uri.EscapeDataString(flwRef));
            var root = await _api.GetAsync(query, cancellationToken).ConfigureAwait(false);
            if (root.Child("data") is not { ValueKind: JsonValueKind.Array } items)
            {
                throw _api.Invalid("a chargeback list without data");
            }

            foreach (var item in items.EnumerateArray())
            {
                yield return await ReadChargebackAsync(item, cancellationToken).ConfigureAwait(false);
            }

            var pages = root.Child("meta")?.Child("page_info")?.Int64("total_pages") ?? page;
            if (page >= pages || items.GetArrayLength() == 0)
            {
                yield break;
            }
        }
    }

    internal ProviderPayment ReadTransaction(JsonElement data)
    {
        var id = data.Text("id") ?? throw _api.Invalid("a transaction without an id");
        var currency = ReadCurrency(data.Text("currency"));
        var amount = ToMoney(data.Decimal("amount") ?? throw _api.Invalid("a transaction without an amount"), currency);
        var status = PaymentStatus(data.Text("status"));
        var processor = data.Text("processor_response");
        (string Code, string? DeclineCode)? failure = status == ProviderPaymentStatus.Failed
            ? FlutterwaveErrorCatalog.ClassifyFailedTransaction(processor)
            : null;
        var reference = data.Text("tx_ref");
        return new ProviderPayment
        {
            Provider = ProviderName.Flutterwave,
            ProviderPaymentId = id,
            Amount = amount,
            Status = status,
            CreatedAt = data.Time("created_at"),
            PaymentId = reference is not null && reference.StartsWith(ReferencePrefix, StringComparison.Ordinal) && PaymentId.TryFrom(reference[ReferencePrefix.Length..], out var ours) ? ours : null,
            ProviderChargeId = data.Text("flw_ref"),
            ProviderCustomerId = data.Child("customer")?.Text("id"),
            ProviderPaymentMethodId = data.Child("card")?.Text("token"),
            FailureCode = failure?.Code,
            DeclineCode = failure?.DeclineCode,
            FailureMessage = failure is null ? null : processor,
        };
    }

    internal static ProviderPaymentStatus PaymentStatus(string? status) => status?.ToUpperInvariant() switch
    {
        "SUCCESSFUL" or "SUCCEEDED" => ProviderPaymentStatus.Succeeded,
        "FAILED" => ProviderPaymentStatus.Failed,
        "CANCELLED" or "CANCELED" => ProviderPaymentStatus.Canceled,
        _ => ProviderPaymentStatus.Processing,
    };

    internal static ProviderRefundStatus RefundStatus(string? status) => status?.ToUpperInvariant() switch
    {
        "COMPLETED" or "SUCCESSFUL" => ProviderRefundStatus.Succeeded,
        "FAILED" => ProviderRefundStatus.Failed,
        _ => ProviderRefundStatus.Pending,
    };

    internal static ProviderDisputeStatus ChargebackStatus(string? status) => status?.ToUpperInvariant() switch
    {
        "WON" => ProviderDisputeStatus.Won,
        "LOST" or "ACCEPTED" => ProviderDisputeStatus.Lost,
        "INITIATED" or "PENDING" or "NEW" => ProviderDisputeStatus.NeedsResponse,
        _ => ProviderDisputeStatus.UnderReview,
    };

    internal static string Reference(PaymentId paymentId) => ReferencePrefix + paymentId.Value;

    private async Task<ProviderDispute> ActOnChargebackAsync(string providerDisputeId, string action, string comment, CancellationToken cancellationToken)
    {
        if (!IsTransactionId(providerDisputeId))
        {
            throw new ArgumentException($"'{providerDisputeId}' is not a Flutterwave chargeback id; expected the numeric id.", nameof(providerDisputeId));
        }

        var body = new JsonObject { ["action"] = action, ["comment"] = comment };
        var data = Data(await _api.SendAsync(HttpMethod.Put, "chargebacks/" + providerDisputeId, body, RetrySafety.OnlyWhenNotProcessed, cancellationToken).ConfigureAwait(false));
        return await ReadChargebackAsync(data, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ProviderDispute> ReadChargebackAsync(JsonElement data, CancellationToken cancellationToken)
    {
        var transactionId = data.Text("transaction_id") ?? data.Text("tx_id");
        var code = data.Text("currency") ?? data.Child("meta")?.Text("currency");
        string? paymentId = transactionId;
        Currency currency;
        if (code is not null || _currencies.Count == 1)
        {
            currency = ReadCurrency(code ?? _currencies.First());
        }
        else if (transactionId is not null)
        {
            // Chargebacks do not name their currency: the disputed transaction does.
            var payment = await GetPaymentAsync(transactionId, cancellationToken).ConfigureAwait(false);
            currency = payment.Amount.Currency;
        }
        else
        {
            throw _api.Invalid("a chargeback that names neither its currency nor its transaction");
        }

        return new ProviderDispute
        {
            Provider = ProviderName.Flutterwave,
            ProviderDisputeId = data.Text("id") ?? throw _api.Invalid("a chargeback without an id"),
            ProviderPaymentId = paymentId ?? data.Text("flw_ref") ?? string.Empty,
            Amount = ToMoney(data.Decimal("amount") ?? throw _api.Invalid("a chargeback without an amount"), currency),
            Status = ChargebackStatus(data.Text("status")),
            Reason = data.Text("stage"),
            EvidenceDueBy = data.Time("due_date"),
            EvidenceSubmitted = string.Equals(data.Text("status"), "declined", StringComparison.OrdinalIgnoreCase),
            CreatedAt = data.Time("created_at"),
        };
    }

    private async Task<ProviderPayment?> FindByReferenceAsync(string reference, CancellationToken cancellationToken)
    {
        try
        {
            return await GetPaymentAsync(reference, cancellationToken).ConfigureAwait(false);
        }
        catch (ProviderException e) when (e.Kind == ProviderErrorKind.NotFound)
        {
            return null;
        }
    }

    /// <summary>The <c>POST /payments</c> body of a hosted checkout (Flutterwave Standard).</summary>
    private static JsonObject CheckoutBody(HostedCheckoutRequest request, string reference, long? sessionMinutes)
    {
        var customer = new JsonObject { ["email"] = request.CustomerEmail.Trim() };
        if (!string.IsNullOrWhiteSpace(request.CustomerName))
        {
            customer["name"] = request.CustomerName.Trim();
        }

        var meta = new JsonObject
        {
            ["billingkit_payment_id"] = request.PaymentId.Value,
            ["billingkit_idempotency_key"] = request.IdempotencyKey.Value,
        };
        if (request.InvoiceId is { } invoiceId)
        {
            meta["billingkit_invoice_id"] = invoiceId.Value;
        }

        var description = !string.IsNullOrWhiteSpace(request.Description) ? request.Description
            : request.InvoiceId is { } invoice ? "Invoice " + invoice.Value
            : "Payment " + request.PaymentId.Value;
        var body = new JsonObject
        {
            ["tx_ref"] = reference,
            ["amount"] = FlutterwaveAmount.ToMajor(request.Amount),
            ["currency"] = request.Amount.Currency.Code,
            ["redirect_url"] = request.ReturnUrl.AbsoluteUri,
            ["customer"] = customer,
            ["customizations"] = new JsonObject { ["description"] = description },
            ["meta"] = meta,
        };
        if (sessionMinutes is { } minutes)
        {
            body["session_duration"] = minutes;
        }

        return body;
    }

    /// <summary>The checkout's requested lifetime as Flutterwave's <c>session_duration</c>: whole minutes from now
    /// (rounded down, so the session never outlasts what was asked), at most 1440; null when none was asked.</summary>
    private long? SessionMinutes(HostedCheckoutRequest request)
    {
        if (request.ExpiresAt is not { } expiresAt)
        {
            return null;
        }

        var minutes = (expiresAt - _clock.GetCurrentInstant()).BclCompatibleTicks / TimeSpan.TicksPerMinute;
        if (minutes < 1)
        {
            throw new ArgumentException($"The checkout's ExpiresAt ({expiresAt}) must be at least a minute from now; Flutterwave's session lasts whole minutes (1 to {MaxSessionMinutes}).", nameof(request));
        }

        return Math.Min(minutes, MaxSessionMinutes);
    }

    private static bool IsTransactionId(string id) => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private JsonElement Data(JsonElement root) =>
        root.Child("data") is { ValueKind: JsonValueKind.Object } data ? data : throw _api.Invalid("an answer without a data object");

    private Money ToMoney(decimal major, Currency currency)
    {
        try
        {
            return FlutterwaveAmount.FromMajor(major, currency);
        }
        catch (AmountPrecisionException e)
        {
            throw _api.Error(ProviderErrorKind.InvalidResponse, "invalid_amount", $"Flutterwave reported {major.ToString(CultureInfo.InvariantCulture)} {currency.Code}, which has more decimals than {currency.Code} allows; it cannot be recorded exactly.", 200, e);
        }
    }

    private Currency ReadCurrency(string? code) =>
        Currency.TryFromCode(code, out var currency) ? currency : throw _api.Invalid($"an unknown currency '{code}'");

    private void RequireCurrency(Currency currency)
    {
        if (!SupportsCurrency(currency))
        {
            throw new UnsupportedCurrencyException(ProviderName.Flutterwave, Account, currency);
        }
    }
}

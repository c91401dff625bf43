using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BillingKit.Paystack.Internal;
using BillingKit.Providers;
using BillingKit.Providers.Http;

namespace BillingKit.Paystack;

/// <summary>
/// One Paystack account as an <see cref="IPaymentProvider"/>: transactions (verify), charges of saved
/// authorizations for dunning retries, hosted checkouts (initialize), refunds, customers and disputes. Get it from
/// <see cref="IPaymentProviderRegistry"/> after <c>builder.AddPaystack(...)</c>.
/// </summary>
/// <remarks>
/// <para>Amounts go to Paystack in the currency's subunit (kobo, pesewas, cents), exactly as <see cref="Money"/> holds
/// them. Payment ids are Paystack transaction references. A saved-method charge uses the reference derived from our
/// <see cref="PaymentId"/> (<c>bk-...</c>), so Paystack refuses a second charge for the same payment, the adapter
/// then returns the first one, and <see cref="ResolvePaymentAsync"/> finds the payment from our id alone.</para>
/// <para>Paystack answers HTTP 200 for a transaction that failed: the adapter reads <c>data.status</c>, never only the
/// HTTP status, and checks the amount and currency of what was charged.</para>
/// <para>Paystack does not deduplicate refunds or dispute actions, so those are retried only when Paystack answered
/// 429 (it processed nothing); after a timeout or a 5xx the adapter raises a <see cref="ProviderException"/> and the
/// desk must look at the payment before trying again. Subscriptions are not supported: BillingKit bills them itself
/// and charges saved authorizations. Thread-safe.</para>
/// </remarks>
public sealed class PaystackPaymentProvider : IPaymentProvider
{
    private const ProviderCapabilities Supported =
        ProviderCapabilities.RetrievePayment | ProviderCapabilities.ChargeSavedPaymentMethod | ProviderCapabilities.Refund
        | ProviderCapabilities.PartialRefund | ProviderCapabilities.RetrieveCustomer | ProviderCapabilities.FindCustomersByEmail
        | ProviderCapabilities.SubmitDisputeEvidence | ProviderCapabilities.AcceptDispute | ProviderCapabilities.ResolvePayment
        | ProviderCapabilities.HostedCheckout;

    private const int RefundLookbackDays = 30;
    private const int RefundLookupPages = 10;

    private readonly JsonProviderApi _api;
    private readonly HttpClient _http;
    private readonly NodaTime.IClock _clock;
    private readonly HashSet<string> _currencies;

    internal PaystackPaymentProvider(HttpClient http, PaystackOptions options, string account, NodaTime.IClock clock, Microsoft.Extensions.Logging.ILogger logger)
    {
        _http = http;
        _clock = clock;
        _api = new JsonProviderApi(http, PaystackErrorCatalog.Profile, options.HttpSettings(), account, logger);
        _currencies = new HashSet<string>(options.Currencies, StringComparer.OrdinalIgnoreCase);
        Account = account;
    }

    /// <inheritdoc/>
    public ProviderName Provider => ProviderName.Paystack;

    /// <inheritdoc/>
    public string Account { get; }

    /// <inheritdoc/>
    /// <remarks>Everything but subscription cancellation.</remarks>
    public ProviderCapabilities Capabilities => Supported;

    /// <inheritdoc/>
    /// <remarks>The account's <see cref="PaystackOptions.Currencies"/>, among GHS, KES, NGN, USD and ZAR.</remarks>
    public bool SupportsCurrency(Currency currency) => _currencies.Contains(currency.Code);

    /// <inheritdoc/>
    /// <remarks>Calls <c>GET /transaction/verify/{reference}</c>. A failed or abandoned transaction comes back with
    /// its status (and decline code), not as an exception.</remarks>
    public async Task<ProviderPayment> GetPaymentAsync(string providerPaymentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerPaymentId);
        var root = await _api.GetAsync("transaction/verify/" + Uri.EscapeDataString(providerPaymentId), cancellationToken).ConfigureAwait(false);
        return ReadTransaction(Data(root));
    }

    /// <inheritdoc/>
    /// <remarks>Calls <c>POST /transaction/charge_authorization</c> with the authorization code
    /// (<see cref="SavedPaymentMethodCharge.ProviderPaymentMethodId"/>), the customer's email
    /// (<see cref="SavedPaymentMethodCharge.CustomerEmail"/>, or the customer id when it is an email address), the
    /// amount in subunits and the reference derived from <see cref="SavedPaymentMethodCharge.PaymentId"/>. Our payment
    /// and invoice ids travel in the metadata.</remarks>
    /// <exception cref="ArgumentException">No customer email is known.</exception>
    public async Task<ProviderPayment> ChargeSavedPaymentMethodAsync(SavedPaymentMethodCharge charge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(charge);
        RequireCurrency(charge.Amount.Currency);
        var email = charge.CustomerEmail
            ?? (charge.ProviderCustomerId.Contains('@', StringComparison.Ordinal) ? charge.ProviderCustomerId : null)
            ?? throw new ArgumentException("Paystack charges an authorization only with the email address of the customer who created it; set SavedPaymentMethodCharge.CustomerEmail.", nameof(charge));
        var reference = PaystackReference.FromPaymentId(charge.PaymentId);
        var metadata = new JsonObject { ["billingkit_payment_id"] = charge.PaymentId.Value };
        if (charge.InvoiceId is { } invoice)
        {
            metadata["billingkit_invoice_id"] = invoice.Value;
        }

        if (charge.Description is { } description)
        {
            metadata["description"] = description;
        }

        var body = new JsonObject
        {
            ["email"] = email,
            ["amount"] = charge.Amount.MinorUnits,
            ["authorization_code"] = charge.ProviderPaymentMethodId,
            ["reference"] = reference,
            ["currency"] = charge.Amount.Currency.Code,
            ["metadata"] = metadata.ToJsonString(),
        };

        ProviderPayment payment;
        try
        {
            var root = await _api.SendAsync(HttpMethod.Post, "transaction/charge_authorization", body, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
            payment = ReadTransaction(Data(root));
        }
        catch (ProviderException e) when (string.Equals(e.Code, "duplicate_reference", StringComparison.Ordinal))
        {
            // A retry of a charge Paystack already took: return the first charge instead of charging twice.
            payment = await GetPaymentAsync(reference, cancellationToken).ConfigureAwait(false);
        }

        return _api.CheckCharge(payment, charge);
    }

    /// <inheritdoc/>
    /// <remarks>Calls <c>POST /refund</c> with the transaction reference, the amount in subunits (none for a full
    /// refund) and a merchant note holding our reason, note and idempotency key. Paystack does not deduplicate refunds,
    /// so the adapter does: it first looks for a refund of the same transaction whose note holds the same idempotency
    /// key among the account's refunds of the last 30 days (<c>GET /refund</c>, up to 1,000), and returns that one
    /// instead of refunding twice; it looks again after a timeout or a 5xx.</remarks>
    public async Task<ProviderRefund> RefundAsync(RefundRequest refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var body = new JsonObject { ["transaction"] = refund.ProviderPaymentId };
        if (refund.Amount is { } amount)
        {
            RequireCurrency(amount.Currency);
            body["amount"] = amount.MinorUnits;
            body["currency"] = amount.Currency.Code;
        }

        body["merchant_note"] = ProviderNotes.Refund(refund, withPaymentId: true);
        if (await FindRefundAsync(refund, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return earlier;
        }

        JsonElement root;
        try
        {
            root = await _api.SendAsync(HttpMethod.Post, "refund", body, RetrySafety.OnlyWhenNotProcessed, cancellationToken).ConfigureAwait(false);
        }
        catch (ProviderException e) when (e.Kind is ProviderErrorKind.Network or ProviderErrorKind.ProviderUnavailable)
        {
            var found = await FindRefundAsync(refund, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                throw;
            }

            return found;
        }

        return ReadRefund(Data(root), refund);
    }

    /// <inheritdoc/>
    /// <remarks>Calls <c>GET /customer/{code}</c>; the default payment method is the first reusable authorization.</remarks>
    public async Task<ProviderCustomer> GetCustomerAsync(string providerCustomerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerCustomerId);
        var root = await _api.GetAsync("customer/" + Uri.EscapeDataString(providerCustomerId), cancellationToken).ConfigureAwait(false);
        return ReadCustomer(Data(root));
    }

    /// <inheritdoc/>
    /// <remarks>Paystack keeps one customer per email address and fetches it with <c>GET /customer/{email}</c>: the
    /// enumeration yields it, or nothing when Paystack does not know the address.</remarks>
    public async IAsyncEnumerable<ProviderCustomer> FindCustomersByEmailAsync(string email, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ProviderCustomer? found;
        try
        {
            found = await GetCustomerAsync(email, cancellationToken).ConfigureAwait(false);
        }
        catch (ProviderException e) when (e.Kind == ProviderErrorKind.NotFound)
        {
            found = null;
        }

        if (found is not null && string.Equals(found.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            yield return found;
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <para>Calls <c>POST /dispute/{id}/evidence</c>. Paystack requires the customer's email, name and phone and a
    /// description of the service: <see cref="DisputeEvidence.CustomerEmail"/>, <see cref="DisputeEvidence.CustomerName"/>,
    /// <see cref="DisputeEvidence.CustomerPhone"/>, and <see cref="DisputeEvidence.ProductDescription"/> (with
    /// <see cref="DisputeEvidence.ServiceDate"/>, <see cref="DisputeEvidence.AccessActivityLog"/>, the rebuttals and
    /// <see cref="DisputeEvidence.UncategorizedText"/> appended). <see cref="DisputeEvidence.BillingAddress"/> goes as
    /// the delivery address.</para>
    /// <para>With <see cref="DisputeEvidence.Submit"/> it then resolves the dispute as declined
    /// (<c>PUT /dispute/{id}/resolve</c>), which Paystack accepts only with an uploaded file: set
    /// <see cref="DisputeEvidence.ReceiptFileId"/> to the file name Paystack's upload URL returned.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">A field Paystack requires is missing.</exception>
    public async Task<ProviderDispute> SubmitDisputeEvidenceAsync(DisputeEvidence evidence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var serviceDetails = ProviderNotes.Evidence(evidence, "\n");
        RequireEvidenceFields(evidence, serviceDetails);
        var id = DisputeId(evidence.ProviderDisputeId);
        var body = new JsonObject
        {
            ["customer_email"] = evidence.CustomerEmail,
            ["customer_name"] = evidence.CustomerName,
            ["customer_phone"] = evidence.CustomerPhone,
            ["service_details"] = serviceDetails,
        };
        if (!string.IsNullOrWhiteSpace(evidence.BillingAddress))
        {
            body["delivery_address"] = evidence.BillingAddress;
        }

        var added = Data(await _api.SendAsync(HttpMethod.Post, $"dispute/{id}/evidence", body, RetrySafety.OnlyWhenNotProcessed, cancellationToken).ConfigureAwait(false));
        if (evidence.Submit)
        {
            var resolve = new JsonObject
            {
                ["resolution"] = "declined",
                ["message"] = "Declined with evidence (BillingKit " + evidence.IdempotencyKey.Value + ")",
                ["refund_amount"] = 0,
                ["uploaded_filename"] = evidence.ReceiptFileId,
            };
            if (added.Int64("id") is { } evidenceId)
            {
                resolve["evidence"] = evidenceId;
            }

            await _api.SendAsync(HttpMethod.Put, $"dispute/{id}/resolve", resolve, RetrySafety.OnlyWhenNotProcessed, cancellationToken).ConfigureAwait(false);
        }

        return await GetDisputeAsync(evidence.ProviderDisputeId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>Paystack resolves a dispute as <c>merchant-accepted</c> only with an uploaded file and the amount to
    /// refund: the adapter fetches the dispute, asks for an upload URL (<c>GET /dispute/{id}/upload_url</c>), uploads
    /// a short acceptance note there (without the secret key), and resolves with the full disputed amount.</remarks>
    public async Task<ProviderDispute> AcceptDisputeAsync(string providerDisputeId, IdempotencyKey idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerDisputeId);
        if (idempotencyKey.Value.Length == 0)
        {
            throw new ArgumentException("Expected an idempotency key derived from the dispute, such as IdempotencyKey.Derive(\"accept-dispute\", disputeId).", nameof(idempotencyKey));
        }

        var id = DisputeId(providerDisputeId);
        var dispute = await GetDisputeAsync(providerDisputeId, cancellationToken).ConfigureAwait(false);
        if (dispute.Status is ProviderDisputeStatus.Won or ProviderDisputeStatus.Lost)
        {
            return dispute;
        }

        var upload = Data(await _api.GetAsync($"dispute/{id}/upload_url", cancellationToken).ConfigureAwait(false));
        var signedUrl = upload.Text("signedUrl") ?? throw _api.Invalid("an upload URL without signedUrl");
        var fileName = upload.Text("fileName") ?? throw _api.Invalid("an upload URL without fileName");
        using (var put = new HttpRequestMessage(HttpMethod.Put, new Uri(signedUrl, UriKind.Absolute)))
        {
            put.Content = new StringContent($"Dispute {providerDisputeId} accepted by the merchant (BillingKit {idempotencyKey.Value}).", Encoding.UTF8, "text/plain");
            using var response = await _http.SendAsync(put, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw _api.Error(ProviderErrorKind.ProviderUnavailable, "upload_failed", $"Uploading the acceptance note for dispute {providerDisputeId} failed with HTTP {(int)response.StatusCode}; try again.", (int)response.StatusCode);
            }
        }

        var resolve = new JsonObject
        {
            ["resolution"] = "merchant-accepted",
            ["message"] = "Accepted by the merchant (BillingKit " + idempotencyKey.Value + ")",
            ["refund_amount"] = dispute.Amount.MinorUnits,
            ["uploaded_filename"] = fileName,
        };
        await _api.SendAsync(HttpMethod.Put, $"dispute/{id}/resolve", resolve, RetrySafety.OnlyWhenNotProcessed, cancellationToken).ConfigureAwait(false);
        return await GetDisputeAsync(providerDisputeId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>Not supported: BillingKit holds subscriptions itself and charges saved authorizations; Paystack
    /// subscriptions (plans) are not used.</remarks>
    public Task<ProviderSubscription> CancelSubscriptionAsync(SubscriptionCancellation cancellation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cancellation);
        var operation = cancellation.Timing == SubscriptionCancellationTiming.AtPeriodEnd
            ? ProviderCapabilities.CancelSubscriptionAtPeriodEnd
            : ProviderCapabilities.CancelSubscription;
        throw new UnsupportedProviderOperationException(ProviderName.Paystack, operation, "BillingKit bills subscriptions itself and charges saved Paystack authorizations; cancel the subscription in BillingKit.");
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <para>Calls <c>POST /transaction/initialize</c> (Paystack's standard checkout) with the payer's email, the amount in
    /// subunits, the currency, the reference derived from <see cref="HostedCheckoutRequest.PaymentId"/> (the one
    /// <see cref="ResolvePaymentAsync"/> verifies), <see cref="HostedCheckoutRequest.ReturnUrl"/> as
    /// <c>callback_url</c>, <see cref="HostedCheckoutRequest.CustomerName"/> as the <c>label</c> shown instead of the
    /// email, and a metadata object holding our payment id (<c>billingkit_payment_id</c>, which the webhook parser
    /// reads back), our invoice id, the idempotency key (for tracing only), the description, and
    /// <see cref="HostedCheckoutRequest.CancelUrl"/> as Paystack's <c>cancel_action</c>. The result's <see cref="HostedCheckout.Url"/> is <c>data.authorization_url</c>,
    /// <see cref="HostedCheckout.ProviderCheckoutId"/> the access code, and <see cref="HostedCheckout.ProviderPaymentId"/>
    /// the reference; Paystack reports no expiry, so <see cref="HostedCheckout.ExpiresAt"/> is
    /// <see langword="null"/> and <see cref="HostedCheckoutRequest.ExpiresAt"/> is not sent.
    /// <see cref="HostedCheckoutRequest.ProviderCustomerId"/> is not sent either: Paystack finds the customer by email.</para>
    /// <para>One checkout is one expected payment. Paystack takes no idempotency key: the reference derived from our
    /// payment id is what makes a second initialize safe, because Paystack refuses it ("Duplicate Transaction
    /// Reference"). A repeated call for the same payment (whatever its <see cref="HostedCheckoutRequest.IdempotencyKey"/>)
    /// therefore raises <see cref="ProviderException"/> <see cref="ProviderErrorKind.Conflict"/> (as the other adapters
    /// report a checkout that already exists) with code
    /// <c>duplicate_reference</c> and the reference in <see cref="ProviderException.ProviderPaymentId"/>, not transient:
    /// make a new payment id for a new checkout, and look at the first one with <see cref="ResolvePaymentAsync"/>
    /// (the customer may have paid it). The same holds when the first attempt's answer was lost and the adapter's own
    /// retry meets the transaction that attempt created.</para>
    /// </remarks>
    /// <exception cref="ArgumentException"><see cref="HostedCheckoutRequest.CustomerEmail"/> is not an email
    /// address.</exception>
    public async Task<HostedCheckout> CreateHostedCheckoutAsync(HostedCheckoutRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireCurrency(request.Amount.Currency);
        if (!request.CustomerEmail.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Paystack's checkout needs the payer's email address; got '{request.CustomerEmail}'. Nothing was sent.", nameof(request));
        }

        var reference = PaystackReference.FromPaymentId(request.PaymentId);
        var body = CheckoutBody(request, reference);
        JsonElement root;
        try
        {
            root = await _api.SendAsync(HttpMethod.Post, "transaction/initialize", body, RetrySafety.Idempotent, cancellationToken).ConfigureAwait(false);
        }
        catch (ProviderException e) when (string.Equals(e.Code, "duplicate_reference", StringComparison.Ordinal))
        {
            throw new ProviderException(
                ProviderName.Paystack,
                ProviderErrorKind.Conflict,
                "duplicate_reference",
                $"Paystack already holds transaction {reference} for payment {request.PaymentId.Value}: a checkout was already created for it (perhaps by an earlier attempt whose answer was lost), and Paystack takes no second one. One checkout is one expected payment: create a new payment id for a new checkout, and check the first one with ResolvePaymentAsync.",
                e)
            {
                Account = Account,
                HttpStatus = e.HttpStatus,
                ProviderPaymentId = reference,
                IsTransient = false,
            };
        }

        return ReadCheckout(Data(root), request, reference);
    }

    /// <inheritdoc/>
    /// <remarks>Verifies the transaction whose reference was given, or else the reference derived from our payment
    /// id; an unknown reference resolves as <see cref="PaymentResolutionStatus.NotFound"/>.</remarks>
    public async Task<PaymentResolution> ResolvePaymentAsync(PaymentLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var reference = lookup.ProviderPaymentId ?? PaystackReference.FromPaymentId(lookup.PaymentId);
        try
        {
            var payment = await GetPaymentAsync(reference, cancellationToken).ConfigureAwait(false);
            return PaymentResolution.FromPayment(payment, lookup.ExpectedAmount);
        }
        catch (ProviderException e) when (e.Kind == ProviderErrorKind.NotFound)
        {
            return PaymentResolution.NotFound();
        }
    }

    /// <summary>Fetches a dispute (<c>GET /dispute/{id}</c>).</summary>
    /// <param name="providerDisputeId">Paystack's numeric dispute id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The dispute.</returns>
    /// <exception cref="ArgumentException"><paramref name="providerDisputeId"/> is not a number.</exception>
    /// <exception cref="ProviderException">Paystack refused or failed.</exception>
    public async Task<ProviderDispute> GetDisputeAsync(string providerDisputeId, CancellationToken cancellationToken = default)
    {
        var id = DisputeId(providerDisputeId);
        return ReadDispute(Data(await _api.GetAsync($"dispute/{id}", cancellationToken).ConfigureAwait(false)));
    }

    /// <summary>Lists the account's disputes, newest first, paging through <c>GET /dispute</c>.</summary>
    /// <param name="from">Only disputes created from this moment, when given.</param>
    /// <param name="to">Only disputes created before this moment, when given.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The disputes.</returns>
    /// <exception cref="ProviderException">Paystack refused or failed.</exception>
    public async IAsyncEnumerable<ProviderDispute> ListDisputesAsync(NodaTime.Instant? from = null, NodaTime.Instant? to = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var page = 1; ; page++)
        {
            var query = new StringBuilder(FormattableString.Invariant($"dispute?perPage=50&page={page}"));
            if (from is { } start)
            {
                query.Append("&from=").Append(Uri.EscapeDataString(NodaTime.Text.InstantPattern.ExtendedIso.Format(start)));
            }

            if (to is { } end)
            {
                query.Append("&to=").Append(Uri.EscapeDataString(NodaTime.Text.InstantPattern.ExtendedIso.Format(end)));
            }

            var root = await _api.GetAsync(query.ToString(), cancellationToken).ConfigureAwait(false);
            if (root.Child("data") is not { ValueKind: JsonValueKind.Array } items)
            {
                throw _api.Invalid("a dispute list without data");
            }

            foreach (var item in items.EnumerateArray())
            {
                yield return ReadDispute(item);
            }

            var pageCount = root.Child("meta")?.Int64("pageCount") ?? page;
            if (page >= pageCount || items.GetArrayLength() == 0)
            {
                yield break;
            }
        }
    }

    internal ProviderPayment ReadTransaction(JsonElement data)
    {
        var reference = data.Text("reference") ?? throw _api.Invalid("a transaction without a reference");
        var amount = Money.FromMinorUnits(data.Int64("amount") ?? throw _api.Invalid("a transaction without an amount"), ReadCurrency(data.Text("currency")));
        var statusText = data.Text("status");
        var status = PaymentStatus(statusText);
        var gateway = data.Text("gateway_response") ?? data.Text("message");
        var failure = status is ProviderPaymentStatus.Failed or ProviderPaymentStatus.Canceled
            ? PaystackErrorCatalog.ClassifyFailedTransaction(gateway)
            : (ProviderErrorInfo?)null;
        return new ProviderPayment
        {
            Provider = ProviderName.Paystack,
            ProviderPaymentId = reference,
            Amount = amount,
            Status = status,
            CreatedAt = data.Time("created_at") ?? data.Time("createdAt") ?? data.Time("transaction_date"),
            AmountRefunded = string.Equals(statusText, "reversed", StringComparison.OrdinalIgnoreCase) ? amount : null,
            PaymentId = ReadPaymentId(data),
            ProviderChargeId = data.Text("id"),
            ProviderCustomerId = data.Child("customer")?.Text("customer_code"),
            ProviderPaymentMethodId = data.Child("authorization")?.Text("authorization_code"),
            FailureCode = failure?.Code,
            DeclineCode = failure?.DeclineCode,
            FailureMessage = failure is null ? null : gateway,
        };
    }

    internal static ProviderPaymentStatus PaymentStatus(string? status) => status?.ToUpperInvariant() switch
    {
        "SUCCESS" or "REVERSED" => ProviderPaymentStatus.Succeeded,
        "FAILED" => ProviderPaymentStatus.Failed,
        "ABANDONED" => ProviderPaymentStatus.Canceled,
        "SEND_OTP" or "SEND_PIN" or "SEND_BIRTHDAY" or "SEND_PHONE" or "SEND_ADDRESS" or "OPEN_URL" or "PAY_OFFLINE" => ProviderPaymentStatus.RequiresAction,
        _ => ProviderPaymentStatus.Processing,
    };

    internal static ProviderRefundStatus RefundStatus(string? status) => status?.ToUpperInvariant() switch
    {
        "PROCESSED" => ProviderRefundStatus.Succeeded,
        "FAILED" => ProviderRefundStatus.Failed,
        "NEEDS-ATTENTION" => ProviderRefundStatus.RequiresAction,
        _ => ProviderRefundStatus.Pending,
    };

    internal ProviderDispute ReadDispute(JsonElement data)
    {
        var transaction = data.Child("transaction");
        var currency = ReadCurrency(data.Text("currency") ?? transaction?.Text("currency"));
        var minor = (transaction is { ValueKind: JsonValueKind.Object } t ? t.Int64("amount") : null) ?? data.Int64("refund_amount") ?? throw _api.Invalid("a dispute without an amount");
        var status = data.Text("status")?.ToUpperInvariant();
        var resolution = data.Text("resolution")?.ToUpperInvariant();
        return new ProviderDispute
        {
            Provider = ProviderName.Paystack,
            ProviderDisputeId = data.Text("id") ?? throw _api.Invalid("a dispute without an id"),
            ProviderPaymentId = (transaction is { ValueKind: JsonValueKind.Object } tx ? tx.Text("reference") : null)
                ?? data.Text("transaction_reference") ?? data.Text("merchant_transaction_reference") ?? transaction?.GetRawText() ?? string.Empty,
            Amount = Money.FromMinorUnits(minor, currency),
            Status = (status, resolution) switch
            {
                ("RESOLVED", "MERCHANT-ACCEPTED") => ProviderDisputeStatus.Lost,
                ("RESOLVED", "DECLINED") => ProviderDisputeStatus.Won,
                ("RESOLVED", _) => ProviderDisputeStatus.Lost,
                ("AWAITING-MERCHANT-FEEDBACK", _) => ProviderDisputeStatus.NeedsResponse,
                _ => ProviderDisputeStatus.UnderReview,
            },
            Reason = data.Text("category"),
            EvidenceDueBy = data.Time("dueAt"),
            EvidenceSubmitted = data.Child("evidence") is not null,
            CreatedAt = data.Time("createdAt") ?? data.Time("created_at"),
        };
    }

    /// <summary>The body of <c>POST /transaction/initialize</c>: only fields Paystack's spec declares; our ids, the
    /// description and the cancel address go in the metadata object.</summary>
    private static JsonObject CheckoutBody(HostedCheckoutRequest request, string reference)
    {
        var metadata = new JsonObject { ["billingkit_payment_id"] = request.PaymentId.Value };
        if (request.InvoiceId is { } invoice)
        {
            metadata["billingkit_invoice_id"] = invoice.Value;
        }

        metadata["billingkit_idempotency_key"] = request.IdempotencyKey.Value;
        if (request.Description is { } description)
        {
            metadata["description"] = description;
        }

        if (request.CancelUrl is { } cancelUrl)
        {
            metadata["cancel_action"] = cancelUrl.AbsoluteUri;
        }

        var body = new JsonObject
        {
            ["email"] = request.CustomerEmail,
            ["amount"] = request.Amount.MinorUnits,
            ["currency"] = request.Amount.Currency.Code,
            ["reference"] = reference,
            ["callback_url"] = request.ReturnUrl.AbsoluteUri,
            ["metadata"] = metadata,
        };
        if (!string.IsNullOrWhiteSpace(request.CustomerName))
        {
            body["label"] = request.CustomerName;
        }

        return body;
    }

    private HostedCheckout ReadCheckout(JsonElement data, HostedCheckoutRequest request, string reference)
    {
        var url = data.Text("authorization_url");
        if (string.IsNullOrWhiteSpace(url)
            || !Uri.TryCreate(url, UriKind.Absolute, out var address)
            || !(string.Equals(address.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal) || string.Equals(address.Scheme, Uri.UriSchemeHttp, StringComparison.Ordinal)))
        {
            throw _api.Invalid($"a checkout for transaction {reference} without a usable authorization_url ('{url}')");
        }

        var accessCode = data.Text("access_code");
        if (string.IsNullOrWhiteSpace(accessCode))
        {
            throw _api.Invalid($"a checkout for transaction {reference} without an access_code");
        }

        var returned = data.Text("reference") ?? reference;
        if (!string.Equals(returned, reference, StringComparison.Ordinal))
        {
            throw _api.Invalid($"a checkout for transaction {returned}, but {reference} was asked for");
        }

        return new HostedCheckout
        {
            Provider = ProviderName.Paystack,
            ProviderCheckoutId = accessCode,
            Url = address,
            PaymentId = request.PaymentId,
            Amount = request.Amount,
            ProviderPaymentId = reference,
            ExpiresAt = null,
        };
    }

    private ProviderRefund ReadRefund(JsonElement data, RefundRequest refund)
    {
        var transaction = data.Child("transaction");
        var currency = ReadCurrency(data.Text("currency") ?? (transaction is { ValueKind: JsonValueKind.Object } t ? t.Text("currency") : null) ?? refund.Amount?.Currency.Code);
        return new ProviderRefund
        {
            Provider = ProviderName.Paystack,
            ProviderRefundId = data.Text("id") ?? throw _api.Invalid("a refund without an id"),
            ProviderPaymentId = (transaction is { ValueKind: JsonValueKind.Object } tx ? tx.Text("reference") : null) ?? data.Text("transaction_reference") ?? refund.ProviderPaymentId,
            Amount = Money.FromMinorUnits(data.Int64("amount") ?? refund.Amount?.MinorUnits ?? throw _api.Invalid("a refund without an amount"), currency),
            Status = RefundStatus(data.Text("status")),
            CreatedAt = data.Time("createdAt") ?? data.Time("created_at"),
        };
    }

    /// <summary>Finds a refund this adapter already made for the request: same transaction, and a merchant note that
    /// ends with the same idempotency key.</summary>
    private async Task<ProviderRefund?> FindRefundAsync(RefundRequest refund, CancellationToken cancellationToken)
    {
        var marker = "; key " + refund.IdempotencyKey.Value;
        var from = NodaTime.Text.InstantPattern.ExtendedIso.Format(_clock.GetCurrentInstant() - NodaTime.Duration.FromDays(RefundLookbackDays));
        for (var page = 1; page <= RefundLookupPages; page++)
        {
            var root = await _api.GetAsync(FormattableString.Invariant($"refund?perPage=100&page={page}&from={Uri.EscapeDataString(from)}"), cancellationToken).ConfigureAwait(false);
            if (root.Child("data") is not { ValueKind: JsonValueKind.Array } items)
            {
                throw _api.Invalid("a refund list without data");
            }

            foreach (var item in items.EnumerateArray())
            {
                var note = item.Text("merchant_note");
                var reference = item.Text("transaction_reference") ?? item.Child("transaction")?.Text("reference");
                if (note is not null && note.EndsWith(marker, StringComparison.Ordinal) && string.Equals(reference, refund.ProviderPaymentId, StringComparison.Ordinal))
                {
                    return ReadRefund(item, refund);
                }
            }

            if (page >= (root.Child("meta")?.Int64("pageCount") ?? page) || items.GetArrayLength() == 0)
            {
                break;
            }
        }

        return null;
    }

    private static ProviderCustomer ReadCustomer(JsonElement data)
    {
        string? defaultMethod = null;
        if (data.Child("authorizations") is { ValueKind: JsonValueKind.Array } authorizations)
        {
            defaultMethod = authorizations.EnumerateArray()
                .Where(a => a.Flag("reusable"))
                .Select(a => a.Text("authorization_code"))
                .FirstOrDefault(code => code is not null);
        }

        var name = string.Join(' ', new[] { data.Text("first_name"), data.Text("last_name") }.Where(part => !string.IsNullOrWhiteSpace(part)));
        return new ProviderCustomer
        {
            Provider = ProviderName.Paystack,
            ProviderCustomerId = data.Text("customer_code") ?? data.Text("id") ?? throw new ProviderException(ProviderName.Paystack, ProviderErrorKind.InvalidResponse, "invalid_response", "Paystack returned a customer without a customer_code."),
            Email = data.Text("email"),
            Name = name.Length == 0 ? null : name,
            DefaultPaymentMethodId = defaultMethod,
            CreatedAt = data.Time("createdAt") ?? data.Time("created_at"),
        };
    }

    private static PaymentId? ReadPaymentId(JsonElement data)
    {
        var metadata = data.Child("metadata");
        if (metadata is { ValueKind: JsonValueKind.String } text)
        {
            try
            {
                using var document = JsonDocument.Parse(text.GetString() ?? "{}");
                return PaymentIdFrom(document.RootElement);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return metadata is { } element ? PaymentIdFrom(element) : null;
    }

    private static PaymentId? PaymentIdFrom(JsonElement metadata) =>
        metadata.Text("billingkit_payment_id") is { } value && PaymentId.TryFrom(value, out var id) ? id : null;

    private static void RequireEvidenceFields(DisputeEvidence evidence, string serviceDetails)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(evidence.CustomerEmail))
        {
            missing.Add(nameof(DisputeEvidence.CustomerEmail));
        }

        if (string.IsNullOrWhiteSpace(evidence.CustomerName))
        {
            missing.Add(nameof(DisputeEvidence.CustomerName));
        }

        if (string.IsNullOrWhiteSpace(evidence.CustomerPhone))
        {
            missing.Add(nameof(DisputeEvidence.CustomerPhone));
        }

        if (serviceDetails.Length == 0)
        {
            missing.Add(nameof(DisputeEvidence.ProductDescription));
        }

        if (evidence.Submit && string.IsNullOrWhiteSpace(evidence.ReceiptFileId))
        {
            missing.Add(nameof(DisputeEvidence.ReceiptFileId) + " (Paystack resolves a dispute only with an uploaded file)");
        }

        if (missing.Count > 0)
        {
            throw new ArgumentException($"Paystack needs {string.Join(", ", missing)} to take dispute evidence; nothing was sent.", nameof(evidence));
        }
    }

    private static JsonElement Data(JsonElement root) =>
        root.Child("data") is { ValueKind: JsonValueKind.Object } data
            ? data
            : throw new ProviderException(ProviderName.Paystack, ProviderErrorKind.InvalidResponse, "invalid_response", "Paystack answered without a data object.");

    private static long DisputeId(string providerDisputeId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerDisputeId);
        return long.TryParse(providerDisputeId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new ArgumentException($"'{providerDisputeId}' is not a Paystack dispute id; expected the numeric id such as 1801929.", nameof(providerDisputeId));
    }

    private Currency ReadCurrency(string? code) =>
        Currency.TryFromCode(code, out var currency)
            ? currency
            : throw _api.Invalid($"an unknown currency '{code}'");

    private void RequireCurrency(Currency currency)
    {
        if (!SupportsCurrency(currency))
        {
            throw new UnsupportedCurrencyException(ProviderName.Paystack, Account, currency);
        }
    }
}

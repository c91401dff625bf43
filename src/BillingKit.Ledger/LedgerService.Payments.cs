using BillingKit.Storage;
using NodaTime;

namespace BillingKit.Ledger;

public sealed partial class LedgerService
{
    /// <summary>Records an expected payment as <see cref="PaymentStatus.Pending"/>; nothing is posted until it is paid.</summary>
    /// <param name="unit">The unit of work of the tenant; the caller commits it.</param>
    /// <param name="request">The payment.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The payment, with no transaction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> or <paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The payment id or provider is <c>default</c>.</exception>
    /// <exception cref="InvalidLedgerAmountException">The amount is zero or negative.</exception>
    /// <exception cref="DuplicatePaymentException">The tenant already has a payment with that id.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public async Task<PaymentUpdate> RecordPaymentAsync(ITenantUnitOfWork unit, RecordPaymentRequest request, CancellationToken cancellationToken = default)
    {
        Validate(unit, request);
        RequireIds(request.Payment, request.Provider);
        InvalidLedgerAmountException.ThrowIfNotPositive(request.Amount, "a payment");
        return await CreatePaymentAsync(
            unit,
            request,
            request.Payment,
            now => ValueTask.FromResult(new PaymentChange(new PaymentRecord
            {
                Id = request.Payment,
                Customer = request.Customer,
                Amount = request.Amount,
                DueDate = request.DueDate,
                Status = PaymentStatus.Pending,
                Provider = request.Provider,
                Method = request.Method,
                Invoice = request.Invoice,
                InvoiceNumber = request.InvoiceNumber,
                Subscription = request.Subscription,
                BillingGroup = request.BillingGroup,
                Reference = request.Reference,
                Refunded = Money.Zero(request.Amount.Currency),
                ChargedBack = Money.Zero(request.Amount.Currency),
                CreatedAt = now,
                UpdatedAt = now,
                Version = 1,
            })),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records an expected payment in a unit of its own, committed before returning.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="request">The payment.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The payment, with no transaction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The payment id or provider is <c>default</c>.</exception>
    /// <exception cref="InvalidLedgerAmountException">The amount is zero or negative.</exception>
    /// <exception cref="DuplicatePaymentException">The tenant already has a payment with that id.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public Task<PaymentUpdate> RecordPaymentAsync(TenantId tenant, RecordPaymentRequest request, CancellationToken cancellationToken = default) =>
        InOwnUnitAsync(tenant, request, static (ledger, unit, request, cancellationToken) => ledger.RecordPaymentAsync(unit, request, cancellationToken), cancellationToken);

    /// <summary>Starts an attempt to collect a payment (a retry when it failed before): status <see cref="PaymentStatus.Processing"/>, a new attempt in its history.</summary>
    /// <param name="unit">The unit of work of the tenant; the caller commits it.</param>
    /// <param name="request">The attempt.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The payment, with no transaction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> or <paramref name="request"/> is null.</exception>
    /// <exception cref="PaymentNotFoundException">The payment is unknown.</exception>
    /// <exception cref="InvalidPaymentTransitionException">The payment is not pending or failed.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public async Task<PaymentUpdate> StartPaymentAttemptAsync(ITenantUnitOfWork unit, StartPaymentAttemptRequest request, CancellationToken cancellationToken = default)
    {
        Validate(unit, request);
        return await ChangePaymentRecordAsync(
            unit,
            request,
            request.Payment,
            (payment, now) =>
            {
                RequireTransition(payment, PaymentStatus.Processing);
                var attempt = new PaymentAttempt { Number = payment.Attempts.Count + 1, StartedAt = now, ProviderReference = request.ProviderReference };
                return payment with { Status = PaymentStatus.Processing, Attempts = [.. payment.Attempts, attempt] };
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts an attempt to collect a payment in a unit of its own, committed before returning.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="request">The attempt.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The payment, with no transaction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="PaymentNotFoundException">The payment is unknown.</exception>
    /// <exception cref="InvalidPaymentTransitionException">The payment is not pending or failed.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public Task<PaymentUpdate> StartPaymentAttemptAsync(TenantId tenant, StartPaymentAttemptRequest request, CancellationToken cancellationToken = default) =>
        InOwnUnitAsync(tenant, request, static (ledger, unit, request, cancellationToken) => ledger.StartPaymentAttemptAsync(unit, request, cancellationToken), cancellationToken);

    /// <summary>Records that a payment's attempt failed: status <see cref="PaymentStatus.Failed"/>; the attempt keeps the reason and decline code.</summary>
    /// <param name="unit">The unit of work of the tenant; the caller commits it.</param>
    /// <param name="request">The failure.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The payment, with no transaction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> or <paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The failure reason is empty.</exception>
    /// <exception cref="PaymentNotFoundException">The payment is unknown.</exception>
    /// <exception cref="InvalidPaymentTransitionException">The payment is not pending or processing.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public async Task<PaymentUpdate> MarkPaymentFailedAsync(ITenantUnitOfWork unit, PaymentFailedRequest request, CancellationToken cancellationToken = default)
    {
        Validate(unit, request);
        if (string.IsNullOrWhiteSpace(request.FailureReason))
        {
            throw new ArgumentException("A failed payment needs a failure reason, such as the provider's decline message.", nameof(request));
        }

        return await ChangePaymentRecordAsync(
            unit,
            request,
            request.Payment,
            (payment, now) =>
            {
                RequireTransition(payment, PaymentStatus.Failed);
                var attempts = EndAttempt(payment, now, PaymentStatus.Failed, a => a with { FailureReason = request.FailureReason.Trim(), DeclineCode = request.DeclineCode });
                return payment with { Status = PaymentStatus.Failed, Attempts = attempts };
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that a payment's attempt failed in a unit of its own, committed before returning.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="request">The failure.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The payment, with no transaction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The failure reason is empty.</exception>
    /// <exception cref="PaymentNotFoundException">The payment is unknown.</exception>
    /// <exception cref="InvalidPaymentTransitionException">The payment is not pending or processing.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public Task<PaymentUpdate> MarkPaymentFailedAsync(TenantId tenant, PaymentFailedRequest request, CancellationToken cancellationToken = default) =>
        InOwnUnitAsync(tenant, request, static (ledger, unit, request, cancellationToken) => ledger.MarkPaymentFailedAsync(unit, request, cancellationToken), cancellationToken);

    /// <summary>
    /// Marks a payment as paid (a provider confirmed it, or money arrived outside any provider) and posts it: cash in,
    /// open charges settled oldest due first unless told otherwise, any excess to the credit balance.
    /// </summary>
    /// <param name="unit">The unit of work of the tenant; the caller commits it.</param>
    /// <param name="request">The payment date, method and references.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The paid payment and the payment transaction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> or <paramref name="request"/> is null.</exception>
    /// <exception cref="PaymentNotFoundException">The payment is unknown.</exception>
    /// <exception cref="InvalidPaymentTransitionException">The payment is already paid or cancelled.</exception>
    /// <exception cref="ArgumentException"><see cref="MarkAsPaidRequest.ApplyFirst"/> names a charge that is not open.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public async Task<PaymentUpdate> MarkAsPaidAsync(ITenantUnitOfWork unit, MarkAsPaidRequest request, CancellationToken cancellationToken = default)
    {
        Validate(unit, request);
        return await ChangePaymentAsync(
            unit,
            request,
            request.Payment,
            (payment, now) =>
            {
                RequireTransition(payment, PaymentStatus.Paid);
                var paid = payment with
                {
                    Status = PaymentStatus.Paid,
                    PaymentDate = request.PaymentDate,
                    Method = request.Method ?? payment.Method,
                    Reference = request.Reference ?? payment.Reference,
                    ProviderReference = request.ProviderReference ?? payment.ProviderReference,
                    Attempts = EndAttempt(payment, now, PaymentStatus.Paid, a => a with { ProviderReference = request.ProviderReference ?? a.ProviderReference }, addWhenNone: false),
                };
                return CashInAsync(unit, request, paid, request.ApplyFirst, now, cancellationToken);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks a payment as paid and posts it in a unit of its own, committed before returning.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="request">The payment date, method and references.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The paid payment and the payment transaction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="PaymentNotFoundException">The payment is unknown.</exception>
    /// <exception cref="InvalidPaymentTransitionException">The payment is already paid or cancelled.</exception>
    /// <exception cref="ArgumentException"><see cref="MarkAsPaidRequest.ApplyFirst"/> names a charge that is not open.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public Task<PaymentUpdate> MarkAsPaidAsync(TenantId tenant, MarkAsPaidRequest request, CancellationToken cancellationToken = default) =>
        InOwnUnitAsync(tenant, request, static (ledger, unit, request, cancellationToken) => ledger.MarkAsPaidAsync(unit, request, cancellationToken), cancellationToken);

    /// <summary>
    /// Records money that arrived without an expected payment (a business's bank transfer): a new paid payment,
    /// applied to several open charges at once, oldest due first unless told otherwise; any excess to the credit balance.
    /// </summary>
    /// <param name="unit">The unit of work of the tenant; the caller commits it.</param>
    /// <param name="request">The money received.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The paid payment and the payment transaction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> or <paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The payment id or provider is <c>default</c>, or <see cref="ReceivePaymentRequest.ApplyFirst"/> names a charge that is not open.</exception>
    /// <exception cref="InvalidLedgerAmountException">The amount is zero or negative.</exception>
    /// <exception cref="DuplicatePaymentException">The tenant already has a payment with that id.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public async Task<PaymentUpdate> ReceivePaymentAsync(ITenantUnitOfWork unit, ReceivePaymentRequest request, CancellationToken cancellationToken = default)
    {
        Validate(unit, request);
        RequireIds(request.Payment, request.Provider);
        InvalidLedgerAmountException.ThrowIfNotPositive(request.Amount, "a payment");
        return await CreatePaymentAsync(
            unit,
            request,
            request.Payment,
            now =>
            {
                var paid = new PaymentRecord
                {
                    Id = request.Payment,
                    Customer = request.Customer,
                    Amount = request.Amount,
                    DueDate = request.PaymentDate,
                    Status = PaymentStatus.Paid,
                    Provider = request.Provider,
                    Method = request.Method,
                    Invoice = request.Invoice,
                    InvoiceNumber = request.InvoiceNumber,
                    Subscription = request.Subscription,
                    BillingGroup = request.BillingGroup,
                    Reference = request.Reference,
                    ProviderReference = request.ProviderReference,
                    PaymentDate = request.PaymentDate,
                    Refunded = Money.Zero(request.Amount.Currency),
                    ChargedBack = Money.Zero(request.Amount.Currency),
                    CreatedAt = now,
                    UpdatedAt = now,
                    Version = 1,
                };
                return CashInAsync(unit, request, paid, request.ApplyFirst, now, cancellationToken);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records money that arrived without an expected payment in a unit of its own, committed before returning.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="request">The money received.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The paid payment and the payment transaction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The payment id or provider is <c>default</c>, or <see cref="ReceivePaymentRequest.ApplyFirst"/> names a charge that is not open.</exception>
    /// <exception cref="InvalidLedgerAmountException">The amount is zero or negative.</exception>
    /// <exception cref="DuplicatePaymentException">The tenant already has a payment with that id.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public Task<PaymentUpdate> ReceivePaymentAsync(TenantId tenant, ReceivePaymentRequest request, CancellationToken cancellationToken = default) =>
        InOwnUnitAsync(tenant, request, static (ledger, unit, request, cancellationToken) => ledger.ReceivePaymentAsync(unit, request, cancellationToken), cancellationToken);

    /// <summary>Refunds part or all of a paid payment through its provider's cash account. Refunds and charge-backs never exceed what was paid.</summary>
    /// <param name="unit">The unit of work of the tenant; the caller commits it.</param>
    /// <param name="request">The refund.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The payment with its new refunded total, and the refund transaction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> or <paramref name="request"/> is null.</exception>
    /// <exception cref="InvalidLedgerAmountException">The amount is zero or negative.</exception>
    /// <exception cref="ReasonRequiredException">The reason is missing.</exception>
    /// <exception cref="PaymentNotFoundException">The payment is unknown.</exception>
    /// <exception cref="PaymentNotPaidException">The payment is not paid.</exception>
    /// <exception cref="CurrencyMismatchException">The amount is not in the payment's currency.</exception>
    /// <exception cref="RefundExceedsRefundableException">The amount is above the refundable remainder.</exception>
    /// <exception cref="InsufficientCreditBalanceException"><see cref="RefundRequest.FromCreditBalance"/> is set and the amount is above the credit balance.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public Task<PaymentUpdate> RefundAsync(ITenantUnitOfWork unit, RefundRequest request, CancellationToken cancellationToken = default)
    {
        Validate(unit, request);
        return GiveBackAsync(unit, request, request.Payment, request.Amount, request.Reason, request.ProviderReference, request.FromCreditBalance ? null : LedgerTransactionKind.Refund, cancellationToken);
    }

    /// <summary>Refunds part or all of a paid payment in a unit of its own, committed before returning.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="request">The refund.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The payment with its new refunded total, and the refund transaction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="InvalidLedgerAmountException">The amount is zero or negative.</exception>
    /// <exception cref="ReasonRequiredException">The reason is missing.</exception>
    /// <exception cref="PaymentNotFoundException">The payment is unknown.</exception>
    /// <exception cref="PaymentNotPaidException">The payment is not paid.</exception>
    /// <exception cref="CurrencyMismatchException">The amount is not in the payment's currency.</exception>
    /// <exception cref="RefundExceedsRefundableException">The amount is above the refundable remainder.</exception>
    /// <exception cref="InsufficientCreditBalanceException"><see cref="RefundRequest.FromCreditBalance"/> is set and the amount is above the credit balance.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public Task<PaymentUpdate> RefundAsync(TenantId tenant, RefundRequest request, CancellationToken cancellationToken = default) =>
        InOwnUnitAsync(tenant, request, static (ledger, unit, request, cancellationToken) => ledger.RefundAsync(unit, request, cancellationToken), cancellationToken);

    /// <summary>Records a charge-back: a card payment reversed through the provider. Counts against the refundable remainder.</summary>
    /// <param name="unit">The unit of work of the tenant; the caller commits it.</param>
    /// <param name="request">The charge-back.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The payment with its new charged-back total, and the charge-back transaction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> or <paramref name="request"/> is null.</exception>
    /// <exception cref="InvalidLedgerAmountException">The amount is zero or negative.</exception>
    /// <exception cref="ReasonRequiredException">The reason is missing.</exception>
    /// <exception cref="PaymentNotFoundException">The payment is unknown.</exception>
    /// <exception cref="PaymentNotPaidException">The payment is not paid.</exception>
    /// <exception cref="CurrencyMismatchException">The amount is not in the payment's currency.</exception>
    /// <exception cref="RefundExceedsRefundableException">The amount is above what remains of the payment.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public Task<PaymentUpdate> RecordChargeBackAsync(ITenantUnitOfWork unit, ChargeBackRequest request, CancellationToken cancellationToken = default)
    {
        Validate(unit, request);
        return GiveBackAsync(unit, request, request.Payment, request.Amount, request.Reason, request.ProviderReference, LedgerTransactionKind.ChargeBack, cancellationToken);
    }

    /// <summary>Records a charge-back in a unit of its own, committed before returning.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="request">The charge-back.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The payment with its new charged-back total, and the charge-back transaction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="InvalidLedgerAmountException">The amount is zero or negative.</exception>
    /// <exception cref="ReasonRequiredException">The reason is missing.</exception>
    /// <exception cref="PaymentNotFoundException">The payment is unknown.</exception>
    /// <exception cref="PaymentNotPaidException">The payment is not paid.</exception>
    /// <exception cref="CurrencyMismatchException">The amount is not in the payment's currency.</exception>
    /// <exception cref="RefundExceedsRefundableException">The amount is above what remains of the payment.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public Task<PaymentUpdate> RecordChargeBackAsync(TenantId tenant, ChargeBackRequest request, CancellationToken cancellationToken = default) =>
        InOwnUnitAsync(tenant, request, static (ledger, unit, request, cancellationToken) => ledger.RecordChargeBackAsync(unit, request, cancellationToken), cancellationToken);

    /// <summary>
    /// Cancels a payment. An unpaid one just becomes <see cref="PaymentStatus.Cancelled"/>; a paid one (a voided corporate
    /// payment) is reversed: what it still holds leaves the credit balance first, and the rest is owed again.
    /// </summary>
    /// <param name="unit">The unit of work of the tenant; the caller commits it.</param>
    /// <param name="request">The cancellation.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The cancelled payment, and the cancellation transaction when money was reversed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> or <paramref name="request"/> is null.</exception>
    /// <exception cref="ReasonRequiredException">The reason is missing.</exception>
    /// <exception cref="PaymentNotFoundException">The payment is unknown.</exception>
    /// <exception cref="InvalidPaymentTransitionException">The payment is already cancelled.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public async Task<PaymentUpdate> CancelPaymentAsync(ITenantUnitOfWork unit, CancelPaymentRequest request, CancellationToken cancellationToken = default)
    {
        Validate(unit, request);
        var reason = ReasonRequiredException.Require(request.Reason, LedgerTransactionKind.PaymentCancellation);
        return await ChangePaymentAsync(
            unit,
            request,
            request.Payment,
            async (payment, now) =>
            {
                RequireTransition(payment, PaymentStatus.Cancelled);
                var cancelled = payment with
                {
                    Status = PaymentStatus.Cancelled,
                    CancellationReason = reason,
                    Attempts = EndAttempt(payment, now, PaymentStatus.Cancelled, static a => a, addWhenNone: false),
                };

                // A paid payment still holding money is reversed; an unpaid one only changes status.
                var held = payment.Refundable;
                if (!held.IsPositive)
                {
                    return new PaymentChange(cancelled);
                }

                var (transaction, open) = await ReverseAsync(unit, request, payment, held, reason, now, cancellationToken).ConfigureAwait(false);
                return new PaymentChange(cancelled, transaction, open);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels a payment in a unit of its own, committed before returning.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="request">The cancellation.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The cancelled payment, and the cancellation transaction when money was reversed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ReasonRequiredException">The reason is missing.</exception>
    /// <exception cref="PaymentNotFoundException">The payment is unknown.</exception>
    /// <exception cref="InvalidPaymentTransitionException">The payment is already cancelled.</exception>
    /// <exception cref="IdempotencyConflictException">The key was used for a different request.</exception>
    public Task<PaymentUpdate> CancelPaymentAsync(TenantId tenant, CancelPaymentRequest request, CancellationToken cancellationToken = default) =>
        InOwnUnitAsync(tenant, request, static (ledger, unit, request, cancellationToken) => ledger.CancelPaymentAsync(unit, request, cancellationToken), cancellationToken);

    private static void RequireIds(PaymentId payment, ProviderName provider)
    {
        if (payment.Value.Length == 0)
        {
            throw new ArgumentException("A payment needs an id; default(PaymentId) is not one. Use PaymentId.New() or the host's id.", nameof(payment));
        }

        if (provider.Value.Length == 0)
        {
            throw new ArgumentException("A payment needs a provider; use ProviderName.Offline for money received outside any provider.", nameof(provider));
        }
    }

    private static void RequireTransition(PaymentRecord payment, PaymentStatus to)
    {
        if (!PaymentTransitions.IsAllowed(payment.Status, to))
        {
            throw new InvalidPaymentTransitionException(payment.Id, payment.Status, to);
        }
    }

    private static IReadOnlyList<PaymentAttempt> EndAttempt(
        PaymentRecord payment, Instant now, PaymentStatus outcome, Func<PaymentAttempt, PaymentAttempt> details, bool addWhenNone = true)
    {
        if (payment.Attempts.Count > 0 && payment.Attempts[^1].Outcome is null)
        {
            var ended = details(payment.Attempts[^1] with { Outcome = outcome, EndedAt = now });
            return [.. payment.Attempts.Take(payment.Attempts.Count - 1), ended];
        }

        if (!addWhenNone)
        {
            return payment.Attempts;
        }

        var attempt = details(new PaymentAttempt { Number = payment.Attempts.Count + 1, StartedAt = now, EndedAt = now, Outcome = outcome });
        return [.. payment.Attempts, attempt];
    }

    private async Task<PaymentRecord> RequirePaymentAsync(ITenantUnitOfWork unit, PaymentId id, CancellationToken cancellationToken) =>
        await _store.GetPaymentAsync(unit, id, cancellationToken).ConfigureAwait(false) ?? throw new PaymentNotFoundException(unit.Tenant, id);

    /// <summary>
    /// The frame of an operation that creates a payment: a retry returns the first result; a payment id the tenant
    /// already has is refused; otherwise <paramref name="create"/> decides at the current time, and what it decides is staged.
    /// </summary>
    private async Task<PaymentUpdate> CreatePaymentAsync(
        ITenantUnitOfWork unit, LedgerRequest request, PaymentId id, Func<Instant, ValueTask<PaymentChange>> create, CancellationToken cancellationToken)
    {
        var fingerprint = request.Fingerprint();
        if (await FindReplayedPaymentAsync(unit, request, fingerprint, cancellationToken).ConfigureAwait(false) is { } replay)
        {
            return replay;
        }

        if (await _store.GetPaymentAsync(unit, id, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new DuplicatePaymentException(unit.Tenant, id);
        }

        var change = await create(_clock.GetCurrentInstant()).ConfigureAwait(false);
        return await StagePaymentAsync(unit, request, fingerprint, change, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The frame of an operation on an existing payment: a retry returns the first result; an unknown payment throws;
    /// otherwise <paramref name="decide"/> sees the payment and the current time (and throws to refuse), and what it
    /// decides is staged as the payment's next version.
    /// </summary>
    private async Task<PaymentUpdate> ChangePaymentAsync(
        ITenantUnitOfWork unit, LedgerRequest request, PaymentId id, Func<PaymentRecord, Instant, ValueTask<PaymentChange>> decide, CancellationToken cancellationToken)
    {
        var fingerprint = request.Fingerprint();
        if (await FindReplayedPaymentAsync(unit, request, fingerprint, cancellationToken).ConfigureAwait(false) is { } replay)
        {
            return replay;
        }

        var payment = await RequirePaymentAsync(unit, id, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var change = await decide(payment, now).ConfigureAwait(false);
        var next = change.Payment with { Version = payment.Version + 1, UpdatedAt = now };
        return await StagePaymentAsync(unit, request, fingerprint, change with { Payment = next }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An operation on an existing payment that only changes its record and posts nothing.</summary>
    private Task<PaymentUpdate> ChangePaymentRecordAsync(
        ITenantUnitOfWork unit, LedgerRequest request, PaymentId id, Func<PaymentRecord, Instant, PaymentRecord> change, CancellationToken cancellationToken) =>
        ChangePaymentAsync(unit, request, id, (payment, now) => ValueTask.FromResult(new PaymentChange(change(payment, now))), cancellationToken);

    private async ValueTask<PaymentUpdate?> FindReplayedPaymentAsync(ITenantUnitOfWork unit, LedgerRequest request, string fingerprint, CancellationToken cancellationToken) =>
        await FindReplayAsync(unit, request, fingerprint, cancellationToken).ConfigureAwait(false) is { } entry
            ? await ReplayedPaymentAsync(unit, entry, cancellationToken).ConfigureAwait(false)
            : null;

    private async Task<PaymentUpdate> StagePaymentAsync(ITenantUnitOfWork unit, LedgerRequest request, string fingerprint, PaymentChange change, CancellationToken cancellationToken)
    {
        await StageAsync(unit, request, fingerprint, change.Transaction, change.Open, change.Payment, cancellationToken).ConfigureAwait(false);
        return new PaymentUpdate(change.Payment, change.Transaction, IsReplay: false);
    }

    private async Task<PaymentUpdate> ReplayedPaymentAsync(ITenantUnitOfWork unit, LedgerIdempotencyEntry entry, CancellationToken cancellationToken)
    {
        var transaction = entry.Transaction is null ? null : await ReplayedTransactionAsync(unit, entry, cancellationToken).ConfigureAwait(false);
        var paymentId = entry.Payment ?? transaction?.Payment
            ?? throw new InvalidOperationException($"Idempotency key '{entry.Key}' of tenant {unit.Tenant} was used for an operation that concerns no payment.");
        var payment = await RequirePaymentAsync(unit, paymentId, cancellationToken).ConfigureAwait(false);
        return new PaymentUpdate(payment, transaction, IsReplay: true);
    }

    /// <summary>The paid payment's money comes in: open charges are settled (<paramref name="applyFirst"/> first), the excess becomes credit balance.</summary>
    private async ValueTask<PaymentChange> CashInAsync(
        ITenantUnitOfWork unit,
        LedgerRequest request,
        PaymentRecord paid,
        IReadOnlyList<LedgerTransactionId>? applyFirst,
        Instant now,
        CancellationToken cancellationToken)
    {
        var id = LedgerTransactionId.New();
        var (postings, allocations, open) = await CreditTenantAsync(unit, paid.Amount, LedgerAccount.Cash(paid.Provider), applyFirst, cancellationToken).ConfigureAwait(false);
        var transaction = new LedgerTransaction(id, LedgerTransactionKind.Payment, paid.Amount, postings, request.Actor, now, request.IdempotencyKey)
        {
            Provider = paid.Provider,
            ProviderReference = paid.ProviderReference ?? paid.Reference,
            Payment = paid.Id,
            Customer = paid.Customer,
            Invoice = paid.Invoice,
            InvoiceNumber = paid.InvoiceNumber,
            Subscription = paid.Subscription,
            Allocations = allocations,
        };
        return new PaymentChange(paid with { PaymentTransaction = id }, transaction, open);
    }

    private async Task<PaymentUpdate> GiveBackAsync(
        ITenantUnitOfWork unit,
        LedgerRequest request,
        PaymentId paymentId,
        Money amount,
        string? reasonText,
        string? providerReference,
        LedgerTransactionKind? refundKind,
        CancellationToken cancellationToken)
    {
        // A null kind is a refund paid out of the credit balance.
        var kind = refundKind ?? LedgerTransactionKind.Refund;
        var what = kind == LedgerTransactionKind.Refund ? "a refund" : "a charge-back";
        InvalidLedgerAmountException.ThrowIfNotPositive(amount, what);
        var reason = ReasonRequiredException.Require(reasonText, kind);
        return await ChangePaymentAsync(
            unit,
            request,
            paymentId,
            async (payment, now) =>
            {
                if (payment.Status != PaymentStatus.Paid)
                {
                    throw new PaymentNotPaidException(payment.Id, payment.Status);
                }

                payment.Amount.EnsureSameCurrency(amount);
                var refundable = payment.Refundable;
                if (amount > refundable)
                {
                    throw new RefundExceedsRefundableException(payment.Id, amount, refundable);
                }

                var debit = kind == LedgerTransactionKind.ChargeBack ? LedgerAccount.Disputes : LedgerAccount.Refunds;
                if (refundKind is null)
                {
                    var credit = (await _store.GetBalancesAsync(unit, amount.Currency, cancellationToken).ConfigureAwait(false)).CreditBalance;
                    debit = amount <= credit ? LedgerAccount.CreditBalance : throw new InsufficientCreditBalanceException(amount, credit);
                }

                var transaction = GiveBackTransaction(request, payment, amount, reason, providerReference, kind, debit, now);
                var changed = kind == LedgerTransactionKind.Refund
                    ? payment with { Refunded = payment.Refunded + amount }
                    : payment with { ChargedBack = payment.ChargedBack + amount };
                return new PaymentChange(changed, transaction, []);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static LedgerTransaction GiveBackTransaction(
        LedgerRequest request, PaymentRecord payment, Money amount, string reason, string? providerReference, LedgerTransactionKind kind, LedgerAccount debit, Instant now)
    {
        return new LedgerTransaction(
            LedgerTransactionId.New(),
            kind,
            amount,
            [new LedgerPosting(debit, PostingSide.Debit, amount), new LedgerPosting(LedgerAccount.Cash(payment.Provider), PostingSide.Credit, amount)],
            request.Actor,
            now,
            request.IdempotencyKey)
        {
            Reason = reason,
            Provider = payment.Provider,
            ProviderReference = providerReference,
            Payment = payment.Id,
            Customer = payment.Customer,
            Invoice = payment.Invoice,
            InvoiceNumber = payment.InvoiceNumber,
            Subscription = payment.Subscription,
        };
    }

    private async Task<(LedgerTransaction Transaction, IReadOnlyList<OpenCharge> Open)> ReverseAsync(
        ITenantUnitOfWork unit, CancelPaymentRequest request, PaymentRecord payment, Money held, string reason, Instant now, CancellationToken cancellationToken)
    {
        IReadOnlyList<OpenCharge> open = [];
        var id = LedgerTransactionId.New();
        var balances = await _store.GetBalancesAsync(unit, held.Currency, cancellationToken).ConfigureAwait(false);
        var split = CreditConsumption.Split(held, balances.CreditBalance);
        var postings = new List<LedgerPosting>(3);
        if (split.FromCredit.IsPositive)
        {
            postings.Add(new LedgerPosting(LedgerAccount.CreditBalance, PostingSide.Debit, split.FromCredit));
        }

        if (split.Receivable.IsPositive)
        {
            postings.Add(new LedgerPosting(LedgerAccount.Receivable, PostingSide.Debit, split.Receivable));
            open =
            [
                new OpenCharge
                {
                    Charge = id,
                    DueDate = payment.DueDate,
                    Original = split.Receivable,
                    Outstanding = split.Receivable,
                    PostedAt = now,
                    Customer = payment.Customer,
                    Invoice = payment.Invoice,
                    InvoiceNumber = payment.InvoiceNumber,
                },
            ];
        }

        postings.Add(new LedgerPosting(LedgerAccount.Cash(payment.Provider), PostingSide.Credit, held));
        var transaction = new LedgerTransaction(id, LedgerTransactionKind.PaymentCancellation, held, postings, request.Actor, now, request.IdempotencyKey)
        {
            Reason = reason,
            Provider = payment.Provider,
            ProviderReference = payment.ProviderReference,
            Payment = payment.Id,
            Customer = payment.Customer,
            Invoice = payment.Invoice,
            InvoiceNumber = payment.InvoiceNumber,
            Subscription = payment.Subscription,
            DueDate = split.Receivable.IsPositive ? payment.DueDate : null,
        };
        return (transaction, open);
    }

    /// <summary>What an operation on a payment decided: the payment as it becomes, and the transaction and open charges it posts, if any.</summary>
    private readonly record struct PaymentChange(PaymentRecord Payment, LedgerTransaction? Transaction, IReadOnlyList<OpenCharge> Open)
    {
        public PaymentChange(PaymentRecord payment)
            : this(payment, null, [])
        {
        }
    }
}

using NodaTime;

namespace BillingKit.Invoicing;

/// <summary>A customer's subscription to a plan at a price and billing frequency. Immutable; every change returns a new instance.</summary>
/// <remarks>
/// <para>Billing is anchored on <see cref="BillingAnchor"/>: the trial's end when there is a trial, otherwise the start
/// date. Period <c>n</c> starts at the anchor plus <c>n</c> periods (<see cref="BillingCalendar"/>, which keeps
/// month-end anchors: January 31, February 28, March 31, ...) and is billed in advance on its first day.</para>
/// <para>A fixed-term contract of <see cref="ContractPeriods"/> periods ends at the end of its last period; a rolling
/// subscription runs until canceled.</para>
/// </remarks>
public sealed record Subscription
{
    private Subscription(SubscriptionId id, NewSubscription terms, SubscriptionStatus status)
    {
        Id = id;
        CustomerId = terms.CustomerId;
        PlanId = terms.PlanId;
        Price = terms.Price;
        Frequency = terms.Frequency;
        StartDate = terms.StartDate;
        ContractPeriods = terms.ContractPeriods;
        TrialEnd = terms.TrialEnd;
        Description = terms.Description ?? terms.PlanId.Value;
        TaxRate = terms.TaxRate;
        Status = status;
    }

    /// <summary>Gets the subscription's id.</summary>
    public SubscriptionId Id { get; }

    /// <summary>Gets the subscribing customer.</summary>
    public CustomerId CustomerId { get; }

    /// <summary>Gets the plan.</summary>
    public PlanId PlanId { get; }

    /// <summary>Gets the price of one billing period.</summary>
    public Money Price { get; }

    /// <summary>Gets how often it bills.</summary>
    public BillingFrequency Frequency { get; }

    /// <summary>Gets the first day of service.</summary>
    public LocalDate StartDate { get; }

    /// <summary>Gets the contract length in periods, or <see langword="null"/> for a rolling subscription.</summary>
    public int? ContractPeriods { get; }

    /// <summary>Gets the day the trial ends and billing starts, or <see langword="null"/> without a trial.</summary>
    public LocalDate? TrialEnd { get; private init; }

    /// <summary>Gets the description printed on invoice lines.</summary>
    public string Description { get; }

    /// <summary>Gets the tax rate of its invoice lines, as a fraction.</summary>
    public decimal TaxRate { get; }

    /// <summary>Gets the status.</summary>
    public SubscriptionStatus Status { get; private init; }

    /// <summary>Gets the day service ends (exclusive) once canceled or scheduled to cancel; <see langword="null"/> while it runs on.</summary>
    public LocalDate? EndsOn { get; private init; }

    /// <summary>Gets whether a cancellation at period end is pending (the subscription is still active until <see cref="EndsOn"/>).</summary>
    public bool CancelAtPeriodEnd { get; private init; }

    /// <summary>Gets the date billing periods are laid out from: <see cref="TrialEnd"/> if there is a trial, otherwise <see cref="StartDate"/>.</summary>
    public LocalDate BillingAnchor => TrialEnd ?? StartDate;

    /// <summary>Gets the end (exclusive) of a fixed-term contract, or <see langword="null"/> for a rolling subscription.</summary>
    public LocalDate? ContractEnd => ContractPeriods is { } periods ? BillingCalendar.PeriodStart(BillingAnchor, Frequency, periods) : null;

    /// <summary>Creates a subscription, in <see cref="SubscriptionStatus.Trial"/> when it has a trial and <see cref="SubscriptionStatus.Active"/> otherwise.</summary>
    /// <param name="id">The new subscription's id.</param>
    /// <param name="terms">Its terms.</param>
    /// <returns>The subscription.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="terms"/> is null.</exception>
    /// <exception cref="ArgumentException">An id is the default, the price is negative, the trial ends before the start,
    /// the contract length is not positive, the frequency is undefined, or the tax rate is outside 0 to 1.</exception>
    public static Subscription Create(SubscriptionId id, NewSubscription terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (string.IsNullOrEmpty(id.Value) || string.IsNullOrEmpty(terms.CustomerId.Value) || string.IsNullOrEmpty(terms.PlanId.Value))
        {
            throw new ArgumentException("A subscription needs its id, a customer id and a plan id; a default id is not one.", nameof(terms));
        }

        if (terms.Price.IsNegative)
        {
            throw new ArgumentException($"A subscription's price must be zero or more; got {terms.Price}.", nameof(terms));
        }

        if (!Enum.IsDefined(terms.Frequency))
        {
            throw new ArgumentException($"Unknown billing frequency {terms.Frequency}; expected Monthly, Quarterly or Annually.", nameof(terms));
        }

        if (terms.ContractPeriods is <= 0)
        {
            throw new ArgumentException($"A contract must last at least one period; got {terms.ContractPeriods}.", nameof(terms));
        }

        if (terms.TrialEnd is { } trialEnd && trialEnd < terms.StartDate)
        {
            throw new ArgumentException($"The trial cannot end ({trialEnd:uuuu-MM-dd}) before the subscription starts ({terms.StartDate:uuuu-MM-dd}).", nameof(terms));
        }

        if (terms.TaxRate is < 0m or > 1m)
        {
            throw new ArgumentException($"A tax rate is a fraction from 0 to 1; got {terms.TaxRate}.", nameof(terms));
        }

        return new Subscription(id, terms, terms.TrialEnd is { } end && end > terms.StartDate ? SubscriptionStatus.Trial : SubscriptionStatus.Active);
    }

    /// <summary>Gets the billing period that contains <paramref name="date"/>.</summary>
    /// <param name="date">A date on or after <see cref="BillingAnchor"/>.</param>
    /// <returns>The period.</returns>
    public BillingPeriod PeriodContaining(LocalDate date) => BillingCalendar.PeriodContaining(BillingAnchor, Frequency, date);

    /// <summary>Ends the trial: the subscription becomes active.</summary>
    /// <returns>The active subscription.</returns>
    /// <exception cref="SubscriptionStateException">It is not in a trial.</exception>
    public Subscription EndTrial() => Status == SubscriptionStatus.Trial
        ? this with { Status = SubscriptionStatus.Active }
        : throw new SubscriptionStateException(Id, Status, "end the trial", "only a subscription in a trial can end it");

    /// <summary>Moves the end of a trial later (a comp): the subscription keeps its id, terms and status, and billing
    /// (its <see cref="BillingAnchor"/>, its periods and a contract's end) starts from the new trial end.</summary>
    /// <param name="newTrialEnd">The new trial end, after the current one.</param>
    /// <returns>The subscription with the later trial end.</returns>
    /// <exception cref="SubscriptionStateException">It is not in its trial, it is scheduled to cancel, or
    /// <paramref name="newTrialEnd"/> is not after the current trial end.</exception>
    public Subscription ExtendTrial(LocalDate newTrialEnd)
    {
        if (Status != SubscriptionStatus.Trial || TrialEnd is not { } current)
        {
            throw new SubscriptionStateException(Id, Status, "extend the trial", "only a subscription in its trial has a trial end to move");
        }

        if (CancelAtPeriodEnd)
        {
            throw new SubscriptionStateException(Id, Status, "extend the trial", "it is scheduled to cancel when the trial ends; a trial that will not convert has nothing to extend");
        }

        if (newTrialEnd <= current)
        {
            throw new SubscriptionStateException(Id, Status, "extend the trial", $"the new end {newTrialEnd:uuuu-MM-dd} must be after the current end {current:uuuu-MM-dd}");
        }

        return this with { TrialEnd = newTrialEnd };
    }

    /// <summary>Marks the subscription past due after a missed payment.</summary>
    /// <returns>The past-due subscription.</returns>
    /// <exception cref="SubscriptionStateException">It is not active.</exception>
    public Subscription MarkPastDue() => Status == SubscriptionStatus.Active
        ? this with { Status = SubscriptionStatus.PastDue }
        : throw new SubscriptionStateException(Id, Status, "mark past due", "only an active subscription can fall past due");

    /// <summary>Brings a past-due subscription back to active once it is paid up.</summary>
    /// <returns>The active subscription.</returns>
    /// <exception cref="SubscriptionStateException">It is not past due.</exception>
    public Subscription MarkPaidUp() => Status == SubscriptionStatus.PastDue
        ? this with { Status = SubscriptionStatus.Active }
        : throw new SubscriptionStateException(Id, Status, "mark paid up", "only a past-due subscription can be brought back to active");

    /// <summary>Cancels the subscription, immediately or at the end of the current period.</summary>
    /// <param name="on">The date the customer asked to cancel.</param>
    /// <param name="timing">When it takes effect.</param>
    /// <returns>The canceled subscription (still <see cref="SubscriptionStatus.Active"/> with <see cref="CancelAtPeriodEnd"/>
    /// set when it takes effect at period end); <see cref="EndsOn"/> is the day service ends.</returns>
    /// <exception cref="SubscriptionStateException">It is already canceled or scheduled to cancel.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timing"/> is not defined.</exception>
    public Subscription Cancel(LocalDate on, CancellationTiming timing)
    {
        if (Status == SubscriptionStatus.Canceled || CancelAtPeriodEnd)
        {
            throw new SubscriptionStateException(Id, Status, "cancel", "it is already canceled or scheduled to cancel");
        }

        switch (timing)
        {
            case CancellationTiming.Immediately:
                return this with { Status = SubscriptionStatus.Canceled, EndsOn = Min(on, ContractEnd) };
            case CancellationTiming.AtPeriodEnd:
                var end = on < BillingAnchor ? BillingAnchor : PeriodContaining(on).End;
                return this with { CancelAtPeriodEnd = true, EndsOn = Min(end, ContractEnd) };
            default:
                throw new ArgumentOutOfRangeException(nameof(timing), timing, "Expected Immediately or AtPeriodEnd.");
        }
    }

    /// <summary>Completes a cancellation scheduled for period end once <paramref name="today"/> reaches <see cref="EndsOn"/>.</summary>
    /// <param name="today">The current billing date.</param>
    /// <returns>The canceled subscription, or this one unchanged when nothing is due.</returns>
    public Subscription ApplyScheduledCancellation(LocalDate today) =>
        CancelAtPeriodEnd && EndsOn is { } ends && today >= ends
            ? this with { Status = SubscriptionStatus.Canceled, CancelAtPeriodEnd = false }
            : this;

    private static LocalDate Min(LocalDate date, LocalDate? limit) => limit is { } l && l < date ? l : date;
}

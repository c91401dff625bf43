using NodaTime;

namespace BillingKit.Invoicing;

/// <summary>What a new subscription is: who, which plan, at what price and frequency, from when and for how long.</summary>
/// <param name="CustomerId">The subscribing customer.</param>
/// <param name="PlanId">The plan.</param>
/// <param name="Price">The price of one billing period.</param>
/// <param name="Frequency">How often it bills.</param>
/// <param name="StartDate">The first day of service.</param>
public sealed record NewSubscription(CustomerId CustomerId, PlanId PlanId, Money Price, BillingFrequency Frequency, LocalDate StartDate)
{
    /// <summary>Gets the contract length in billing periods, or <see langword="null"/> for a rolling subscription with no fixed term.</summary>
    /// <value><see langword="null"/> by default.</value>
    public int? ContractPeriods { get; init; }

    /// <summary>Gets the day the free trial ends (billing starts that day), or <see langword="null"/> for no trial.</summary>
    /// <value><see langword="null"/> by default.</value>
    public LocalDate? TrialEnd { get; init; }

    /// <summary>Gets the description printed on invoice lines, such as the plan's display name.</summary>
    /// <value><see langword="null"/> by default, which prints the plan id.</value>
    public string? Description { get; init; }

    /// <summary>Gets the tax rate applied to the subscription's invoice lines, as a fraction (0.2 for 20 %).</summary>
    /// <value>0 by default.</value>
    public decimal TaxRate { get; init; }
}

using NodaTime;

namespace BillingKit.Ledger;

/// <summary>Search, filters, sort and page of the payments list. Every filter left null matches everything.</summary>
/// <remarks>Date ranges are inclusive at both ends.</remarks>
public sealed record PaymentQuery
{
    /// <summary>Gets text found (case-insensitively) in the customer id, subscription id, invoice number, reference,
    /// provider reference or payment id.</summary>
    public string? Search { get; init; }

    /// <summary>Gets the statuses to include; null or empty for all.</summary>
    public IReadOnlyCollection<PaymentStatus>? Statuses { get; init; }

    /// <summary>Gets the customer to include.</summary>
    public CustomerId? Customer { get; init; }

    /// <summary>Gets the billing group to include.</summary>
    public BillingGroupId? BillingGroup { get; init; }

    /// <summary>Gets the earliest due date, inclusive.</summary>
    public LocalDate? DueFrom { get; init; }

    /// <summary>Gets the latest due date, inclusive.</summary>
    public LocalDate? DueTo { get; init; }

    /// <summary>Gets the earliest payment date, inclusive; unpaid payments are then excluded.</summary>
    public LocalDate? PaidFrom { get; init; }

    /// <summary>Gets the latest payment date, inclusive; unpaid payments are then excluded.</summary>
    public LocalDate? PaidTo { get; init; }

    /// <summary>Gets the sort key.</summary>
    /// <value>Default <see cref="PaymentSort.DueDate"/>.</value>
    public PaymentSort SortBy { get; init; } = PaymentSort.DueDate;

    /// <summary>Gets whether to sort descending.</summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool Descending { get; init; }

    /// <summary>Gets the page number, from 1.</summary>
    /// <value>Default 1.</value>
    public int PageNumber { get; init; } = 1;

    /// <summary>Gets the page size, from 1 to <see cref="LedgerOptions.MaxPageSize"/>.</summary>
    /// <value>Default 50.</value>
    public int PageSize { get; init; } = 50;

    /// <summary>Tells whether a payment matches the search and filters (not the page).</summary>
    /// <param name="payment">The payment.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool Matches(PaymentRecord payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (Statuses is { Count: > 0 } && !Statuses.Contains(payment.Status))
        {
            return false;
        }

        if ((Customer is { } customer && payment.Customer != customer)
            || (BillingGroup is { } group && payment.BillingGroup != group)
            || (DueFrom is { } dueFrom && payment.DueDate < dueFrom)
            || (DueTo is { } dueTo && payment.DueDate > dueTo))
        {
            return false;
        }

        if (PaidFrom is not null || PaidTo is not null)
        {
            if (payment.PaymentDate is not { } paid || (PaidFrom is { } from && paid < from) || (PaidTo is { } to && paid > to))
            {
                return false;
            }
        }

        if (string.IsNullOrWhiteSpace(Search))
        {
            return true;
        }

        var search = Search.Trim();
        return Contains(payment.Customer.Value, search)
            || Contains(payment.Subscription?.Value, search)
            || Contains(payment.InvoiceNumber, search)
            || Contains(payment.Reference, search)
            || Contains(payment.ProviderReference, search)
            || Contains(payment.Id.Value, search);
    }

    private static bool Contains(string? field, string search) =>
        field is not null && field.Contains(search, StringComparison.OrdinalIgnoreCase);
}

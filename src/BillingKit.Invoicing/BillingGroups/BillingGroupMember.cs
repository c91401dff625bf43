namespace BillingKit.Invoicing;

/// <summary>A customer in a billing group, with the name printed on its lines of the group's invoices.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Name">The customer's name as printed on consolidated invoice lines.</param>
public sealed record BillingGroupMember(CustomerId CustomerId, string Name);

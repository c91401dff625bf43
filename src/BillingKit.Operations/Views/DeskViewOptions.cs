namespace BillingKit.Operations;

/// <summary>How much the desk's views show. Validated at start-up.</summary>
public sealed class DeskViewOptions
{
    /// <summary>Gets or sets how many recent invoices and payments a tenant's billing detail shows.</summary>
    /// <value>Default 10; 1 to 100.</value>
    public int RecentItems { get; set; } = 10;

    /// <summary>Gets or sets the most tenants a customer lookup returns.</summary>
    /// <value>Default 25; 1 to 500.</value>
    public int LookupLimit { get; set; } = 25;
}

using BillingKit.Invoicing;
using BillingKit.Ledger;

namespace BillingKit.Operations;

/// <summary>What a comp (a 100 % discount for some periods) did.</summary>
/// <param name="Subscription">The comped subscription.</param>
/// <param name="Periods">How many periods are free.</param>
/// <param name="Credit">The promotional credit posted: the subscription's price with tax, times the periods. The
/// ledger's credit balance pays the next charges first, so those periods cost the tenant nothing.</param>
/// <param name="Transaction">The ledger credit.</param>
public sealed record CompResult(Subscription Subscription, int Periods, Money Credit, LedgerTransaction Transaction);

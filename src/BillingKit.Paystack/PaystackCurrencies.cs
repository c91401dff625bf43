namespace BillingKit.Paystack;

/// <summary>The currencies Paystack supports: the <c>Currency</c> enumeration of its published OpenAPI document.</summary>
internal static class PaystackCurrencies
{
    public static readonly IReadOnlyList<string> All = ["GHS", "KES", "NGN", "USD", "ZAR"];
}

namespace BillingKit.Flutterwave;

/// <summary>The currencies Flutterwave collects in, from its API reference (charges and tokenized charges). None has
/// three minor digits; UGX, RWF, XAF and XOF have none.</summary>
internal static class FlutterwaveCurrencies
{
    public static readonly IReadOnlyList<string> All =
        ["EGP", "EUR", "GBP", "GHS", "KES", "MWK", "NGN", "RWF", "TZS", "UGX", "USD", "XAF", "XOF", "ZAR", "ZMW"];
}

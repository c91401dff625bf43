namespace BillingKit.Providers;

internal static class ProviderArguments
{
    public static void RequireId(string value, string paramName)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException("Expected an id created with From or New; got the default (empty) value.", paramName);
        }
    }

    public static void RequirePositive(Money amount, string paramName)
    {
        if (!amount.IsPositive)
        {
            throw new ArgumentOutOfRangeException(paramName, amount, "Expected a positive amount.");
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using BillingKit.Providers.Http;

namespace BillingKit.Paystack.Internal;

/// <summary>The <c>x-paystack-signature</c> scheme: lower-case hex of HMAC-SHA512 over the raw request body,
/// keyed with the account's secret key.</summary>
internal static class PaystackSignature
{
    public const string HeaderName = "x-paystack-signature";

    public static string Compute(ReadOnlySpan<byte> body, string secretKey)
    {
        Span<byte> mac = stackalloc byte[HMACSHA512.HashSizeInBytes];
        HMACSHA512.HashData(Encoding.UTF8.GetBytes(secretKey), body, mac);
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>Checks a signature header against every configured secret in constant time per secret.</summary>
    public static bool Matches(ReadOnlySpan<byte> body, string? header, IEnumerable<string> secretKeys)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Trim().Length != HMACSHA512.HashSizeInBytes * 2)
        {
            return false;
        }

        byte[] received;
        try
        {
            received = Convert.FromHexString(header.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return WebhookSecrets.AnyMatches(HMACSHA512.HashData, HMACSHA512.HashSizeInBytes, body, received, secretKeys);
    }
}

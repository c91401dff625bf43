using System.Security.Cryptography;
using System.Text;

namespace BillingKit.Paystack.Internal;

/// <summary>Turns our payment ids into Paystack transaction references. Paystack allows only letters, digits, '-',
/// '.' and '=' in a reference, so other characters become '-' and a hash of the whole id is appended: the same id
/// always gives the same reference (Paystack refuses a second charge with it) and different ids never share one.</summary>
internal static class PaystackReference
{
    private const int ReadablePrefixLength = 60;

    public static string FromPaymentId(PaymentId paymentId) => From(paymentId.Value, nameof(paymentId));

    public static string From(string id, string paramName)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new ArgumentException("Expected an id created with From or New; got the default (empty) value.", paramName);
        }

        var readable = new StringBuilder(Math.Min(id.Length, ReadablePrefixLength));
        foreach (var c in id.AsSpan(0, Math.Min(id.Length, ReadablePrefixLength)))
        {
            readable.Append(IsAllowed(c) ? c : '-');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(id));
        return "bk-" + readable + "." + Convert.ToHexStringLower(hash.AsSpan(0, 10));
    }

    public static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '=';
}

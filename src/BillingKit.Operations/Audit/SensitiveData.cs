using System.Collections.Frozen;

namespace BillingKit.Operations;

/// <summary>Keeps secrets and card data out of audit records and logs.</summary>
internal static class SensitiveData
{
    /// <summary>Words that mark a secret or card data anywhere in a key.</summary>
    private static readonly string[] SensitiveKeyParts =
        ["password", "passwd", "secret", "token", "apikey", "api_key", "api-key", "card", "signature", "authorization", "credential"];

    /// <summary>Short words that mark card or bank data when they are a whole segment of a key (<c>card.pan</c>).</summary>
    private static readonly string[] SensitiveKeySegments = ["pan", "cvc", "cvv", "cvv2", "iban", "pin"];

    public static IReadOnlyDictionary<string, string> Guard(IReadOnlyDictionary<string, string>? details)
    {
        if (details is null || details.Count == 0)
        {
            return FrozenDictionary<string, string>.Empty;
        }

        foreach (var (key, value) in details)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(key, nameof(details));
            if (IsSensitiveKey(key))
            {
                throw new SensitiveAuditDataException(key, "its name says it holds a secret or card data");
            }

            if (LooksLikeCardNumber(value))
            {
                throw new SensitiveAuditDataException(key, "its value looks like a card number");
            }
        }

        return details.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static bool IsSensitiveKey(string key)
    {
        foreach (var part in SensitiveKeyParts)
        {
            if (key.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var segment in key.Split(['.', '_', '-', ' ', ':', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var word in SensitiveKeySegments)
            {
                if (string.Equals(segment, word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>13 to 19 digits (spaces and dashes ignored) that pass the Luhn check.</summary>
    public static bool LooksLikeCardNumber(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        Span<int> digits = stackalloc int[20];
        var count = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return false;
                }

                digits[count++] = c - '0';
            }
            else if (c is not ' ' and not '-')
            {
                return false;
            }
        }

        if (count is < 13 or > 19)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < count; i++)
        {
            var digit = digits[count - 1 - i];
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}

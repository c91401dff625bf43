namespace BillingKit;

public readonly partial record struct IdempotencyKey
{
    /// <summary>Derives a key from domain ids, such as an invoice id and an attempt number, so that retries and
    /// restarts of the same operation reuse the same key.</summary>
    /// <param name="operation">What is being done, such as "refund" or "charge-retry".</param>
    /// <param name="parts">The ids and numbers that identify this occurrence of the operation.</param>
    /// <returns>The key <c>operation:part1:part2...</c>, or a hash of it when it would exceed 128 characters.</returns>
    /// <exception cref="ArgumentException"><paramref name="operation"/> is empty.</exception>
    public static IdempotencyKey Derive(string operation, params ReadOnlySpan<string> parts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        var text = parts.Length == 0 ? operation : operation + ":" + string.Join(':', parts.ToArray());
        text = text.Replace(' ', '_');
        if (text.Length > IdText.MaxLength)
        {
            var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
            text = operation[..Math.Min(operation.Length, 40)] + ":" + Convert.ToHexStringLower(hash);
        }

        return From(text);
    }
}

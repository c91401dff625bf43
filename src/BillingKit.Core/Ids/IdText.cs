namespace BillingKit;

/// <summary>Validation and generation of the text behind strongly typed ids.</summary>
internal static class IdText
{
    /// <summary>The longest id accepted, in characters.</summary>
    internal const int MaxLength = 128;

    internal static string Require(string? value, string idType)
    {
        ArgumentNullException.ThrowIfNull(value, idType);
        return IsValid(value)
            ? value
            : throw new ArgumentException(
                $"'{value}' is not a valid {idType}: expected 1 to {MaxLength} characters with no white space or control characters.",
                idType);
    }

    internal static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    internal static string New(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N");
}

namespace BillingKit.Sample.Commands;

/// <summary>Reads an enum option written in kebab case (<c>customer-request</c>) and lists the choices when it is wrong.</summary>
internal static class Choice
{
    public static T Parse<T>(string text, string option)
        where T : struct, Enum
    {
        var normalized = text.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        if (!int.TryParse(normalized, out _) && Enum.TryParse<T>(normalized, ignoreCase: true, out var value))
        {
            return value;
        }

        throw new SampleInputException($"Unknown {option} '{text}'. Choose one of: {string.Join(", ", Enum.GetNames<T>().Select(Kebab))}.");
    }

    public static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

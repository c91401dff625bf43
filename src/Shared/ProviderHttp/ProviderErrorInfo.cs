namespace BillingKit.Providers.Http;

/// <summary>A provider's refusal in the vocabulary every adapter uses: the code, the decline code for card
/// declines, and whether trying again later may succeed.</summary>
internal readonly record struct ProviderErrorInfo(string Code, string? DeclineCode, bool IsTransient);

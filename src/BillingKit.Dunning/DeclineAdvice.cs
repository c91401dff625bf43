namespace BillingKit.Dunning;

/// <summary>What to do about one provider decline code; from <see cref="DeclineCodes.Classify"/>.</summary>
/// <param name="Code">The decline code as the provider sent it, lower-cased; "unknown" when none was given.</param>
/// <param name="Category">What the code means for the next step.</param>
/// <param name="IsHardDecline">Whether automatic retries stop until the payment method changes.</param>
/// <param name="Template">The notification template to send the customer (see <see cref="DunningTemplates"/>).</param>
/// <param name="Description">What staff should read in the desk view.</param>
public sealed record DeclineAdvice(string Code, DeclineCategory Category, bool IsHardDecline, string Template, string Description);

namespace BillingKit.Dunning;

/// <summary>Send the tenant the named notification.</summary>
/// <param name="Template">The template name, one of <see cref="DunningTemplates"/>.</param>
public sealed record NotifyTenant(string Template) : DunningEffect;

namespace BillingKit.Invoicing.Pdf;

/// <summary>A label and its value in the invoice's header facts (number, dates, terms).</summary>
internal sealed record LabeledValue(string Label, string Value);

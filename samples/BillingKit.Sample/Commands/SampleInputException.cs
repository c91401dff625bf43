namespace BillingKit.Sample.Commands;

/// <summary>Bad input caught by the sample itself (an unknown tenant, a negative amount) before BillingKit is asked.</summary>
internal sealed class SampleInputException(string message) : Exception(message);

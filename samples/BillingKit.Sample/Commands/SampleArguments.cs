using System.CommandLine;

namespace BillingKit.Sample.Commands;

/// <summary>Arguments and options several commands share.</summary>
internal static class SampleArguments
{
    public static Argument<string> Tenant() => new("tenant")
    {
        Description = "The tenant id: acme, globex, hooli, initech, ministry or umbrella",
    };

    public static Option<string?> Reason() => new("--reason")
    {
        Description = "Why: recorded in the audit log (required by every desk action)",
    };

    public static Option<decimal> Amount(string description) => new("--amount")
    {
        Description = description,
        Required = true,
    };
}

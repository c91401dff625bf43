namespace BillingKit.Sample.Commands;

/// <summary>The sample's exit codes (documented in docs/sample.md).</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>Bad input: unknown tenant, invalid amount, missing reason, an option the command does not accept.</summary>
    public const int InvalidInput = 1;

    /// <summary>BillingKit said no (a refund above what is refundable, a quota check denied): a result, not an error.</summary>
    public const int Refused = 2;

    /// <summary>The operator's role does not hold the permission the action needs.</summary>
    public const int PermissionDenied = 3;

    /// <summary>Asked for something this build does not have (the PostgreSQL store before it is available).</summary>
    public const int Unavailable = 4;

    /// <summary>Anything unexpected (a bug): the message is printed, never a stack trace.</summary>
    public const int Failure = 70;
}

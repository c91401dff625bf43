using FsCheck;

namespace BillingKit.TestUtilities;

/// <summary>Runs FsCheck properties from plain xunit facts (FsCheck.Xunit is not available here).</summary>
public static class PropertyTest
{
    /// <summary>The number of cases every property runs unless a test asks for more.</summary>
    public const int DefaultCases = 1000;

    /// <summary>Checks the property on <paramref name="cases"/> generated cases; throws with the shrunk
    /// counter-example on the first failure.</summary>
    public static void Check(Property property, int cases = DefaultCases) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true), property);
}

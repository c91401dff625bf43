namespace BillingKit;

/// <summary>How an exact amount that falls between two minor units is rounded to one of them.</summary>
/// <remarks>
/// Every BillingKit operation that can produce a fraction of a minor unit takes one of these explicitly.
/// Examples below round to whole units.
/// </remarks>
public enum RoundingMode
{
    /// <summary>To the nearest unit; a half goes to the even neighbour (2.5 → 2, 3.5 → 4). Banker's rounding.</summary>
    HalfEven = 0,

    /// <summary>To the nearest unit; a half goes away from zero (2.5 → 3, -2.5 → -3). Commercial rounding.</summary>
    HalfUp = 1,

    /// <summary>To the nearest unit; a half goes toward zero (2.5 → 2, -2.5 → -2).</summary>
    HalfDown = 2,

    /// <summary>Toward zero, dropping the fraction (2.9 → 2, -2.9 → -2). Truncation.</summary>
    Down = 3,

    /// <summary>Away from zero whenever there is a fraction (2.1 → 3, -2.1 → -3).</summary>
    Up = 4,

    /// <summary>Toward negative infinity (2.9 → 2, -2.1 → -3).</summary>
    Floor = 5,

    /// <summary>Toward positive infinity (2.1 → 3, -2.9 → -2).</summary>
    Ceiling = 6,
}

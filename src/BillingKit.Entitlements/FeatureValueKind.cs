namespace BillingKit.Entitlements;

/// <summary>The type of a feature's value.</summary>
public enum FeatureValueKind
{
    /// <summary>On or off.</summary>
    Flag = 0,

    /// <summary>A whole number, such as a seat count.</summary>
    Number = 1,

    /// <summary>Text, such as a support tier.</summary>
    Text = 2,
}

namespace BillingKit.Invoicing;

/// <summary>The life cycle of an invoice.</summary>
/// <remarks>
/// Allowed transitions: Draft → Open (finalize) or Void (discard); Open → Paid (paid or credited in full), Void or
/// Uncollectible; Uncollectible → Paid or Void. Paid and Void are terminal. Only a draft can be edited.
/// </remarks>
public enum InvoiceStatus
{
    /// <summary>Being prepared: lines can be added and removed; it has no number yet.</summary>
    Draft = 0,

    /// <summary>Finalized and numbered; immutable except for payments and credit notes.</summary>
    Open = 1,

    /// <summary>Nothing remains to be paid (paid, credited, or both). Terminal.</summary>
    Paid = 2,

    /// <summary>Canceled; nothing is owed and nothing can be paid. Terminal.</summary>
    Void = 3,

    /// <summary>Not expected to be paid; still payable if the customer does pay.</summary>
    Uncollectible = 4,
}

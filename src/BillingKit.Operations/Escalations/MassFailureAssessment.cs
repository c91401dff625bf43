namespace BillingKit.Operations;

/// <summary>What the window of outcomes says: counts, and whether it is above the threshold or clear of it.</summary>
internal readonly record struct MassFailureAssessment(int Samples, int Failures, int FailingTenants, bool IsAbove, bool IsClear);

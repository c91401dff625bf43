namespace BillingKit.Invoicing.Pdf;

/// <summary>What to do with PDFsharp's process-wide font resolvers so the bundled fonts are found.</summary>
internal enum FontRegistrationStep
{
    /// <summary>The bundled resolver is already installed (as resolver or fallback): nothing to do.</summary>
    AlreadyRegistered,

    /// <summary>No resolver is installed: install the bundled one as PDFsharp's font resolver.</summary>
    InstallAsResolver,

    /// <summary>The host installed its own resolver and no fallback: install the bundled one as the fallback, so the
    /// host's resolver keeps priority.</summary>
    InstallAsFallback,

    /// <summary>The host installed both a resolver and a fallback: leave them alone; the host must resolve
    /// <see cref="InvoiceFontResolver.FamilyName"/>.</summary>
    LeaveToHost,
}

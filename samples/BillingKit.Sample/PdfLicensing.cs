using PdfSharp;

namespace BillingKit.Sample;

/// <summary>
/// PDFsharp 6.5 (used by BillingKit.Invoicing.Pdf) is dual-licensed AGPL-3.0 or commercial and refuses to render
/// until the application chooses. BillingKit never chooses for its host; this sample is the host application, and as
/// an open sample it takes the AGPL licence. A closed-source product would call PdfSharpLicense.LoadLicense(key) with
/// its commercial key instead (see docs/packaging.md).
/// </summary>
internal static class PdfLicensing
{
    private static readonly Lazy<bool> Chosen = new(() =>
    {
        PdfSharpLicense.SetAgplLicense();
        return true;
    });

    /// <summary>Chooses the AGPL licence once per process.</summary>
    public static void ChooseAgpl() => _ = Chosen.Value;
}

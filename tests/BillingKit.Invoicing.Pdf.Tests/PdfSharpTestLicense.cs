using PdfSharp;

namespace BillingKit.Invoicing.Pdf.Tests;

/// <summary>
/// PDFsharp 6.5 refuses to create documents until the application chooses a licence. The test run chooses the AGPL
/// licence (tests are not distributed); a shipping application makes its own choice at start-up, which is why the
/// library never calls this itself.
/// </summary>
internal static class PdfSharpTestLicense
{
    private static readonly Lazy<bool> Loaded = new(() =>
    {
        PdfSharpLicense.SetAgplLicense();
        return true;
    });

    public static void Ensure() => _ = Loaded.Value;
}

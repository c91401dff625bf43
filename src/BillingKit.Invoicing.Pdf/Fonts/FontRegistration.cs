using PdfSharp.Fonts;

namespace BillingKit.Invoicing.Pdf;

/// <summary>
/// Installs <see cref="InvoiceFontResolver"/> into PDFsharp's <see cref="GlobalFontSettings"/> without ever replacing
/// a resolver the host installed. PDFsharp's settings are process-wide and may not change once a font was used, so
/// this runs once per process, under a lock, before the first render.
/// </summary>
internal static class FontRegistration
{
    private static readonly Lock Gate = new();
    private static bool _attempted;

    /// <summary>The pure decision: what to do given the resolvers installed now.</summary>
    internal static FontRegistrationStep Decide(IFontResolver? resolver, IFontResolver? fallback)
    {
        if (resolver is InvoiceFontResolver || fallback is InvoiceFontResolver)
        {
            return FontRegistrationStep.AlreadyRegistered;
        }

        if (resolver is null)
        {
            return FontRegistrationStep.InstallAsResolver;
        }

        return fallback is null ? FontRegistrationStep.InstallAsFallback : FontRegistrationStep.LeaveToHost;
    }

    /// <summary>Applies <see cref="Decide"/> once per process.</summary>
    internal static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_attempted)
            {
                return;
            }

            _attempted = true;
            try
            {
                switch (Decide(GlobalFontSettings.FontResolver, GlobalFontSettings.FallbackFontResolver))
                {
                    case FontRegistrationStep.InstallAsResolver:
                        GlobalFontSettings.FontResolver = InvoiceFontResolver.Instance;
                        break;
                    case FontRegistrationStep.InstallAsFallback:
                        GlobalFontSettings.FallbackFontResolver = InvoiceFontResolver.Instance;
                        break;
                    case FontRegistrationStep.AlreadyRegistered:
                    case FontRegistrationStep.LeaveToHost:
                        break;
                }
            }
            catch (InvalidOperationException)
            {
                // PDFsharp refuses a resolver change once the host has used fonts (or a host thread installed one at
                // the same moment). The host's resolvers stay in charge; InvoicePdfRenderer reports a clear error if
                // they cannot resolve the invoice font.
            }
        }
    }
}

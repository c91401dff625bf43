using System.Reflection;
using PdfSharp.Fonts;

namespace BillingKit.Invoicing.Pdf;

/// <summary>
/// A PDFsharp font resolver for the fonts bundled in this assembly (DejaVu Sans regular and bold), so invoices render
/// the same on a bare Linux container as on a desktop: no installed font is ever looked up.
/// </summary>
/// <remarks>
/// <para>It answers only for <see cref="FamilyName"/> and returns <see langword="null"/> for any other family, so it
/// composes with a host's own resolver: a host that installs its own <see cref="GlobalFontSettings.FontResolver"/>
/// can forward requests for <see cref="FamilyName"/> to <see cref="Instance"/> (see <see cref="InvoicePdfOptions.RegisterFontResolver"/>).</para>
/// <para>Italic requests get the upright face (the invoice layout uses none). The font data is read once from the
/// assembly's resources and shared; the type is thread-safe.</para>
/// </remarks>
public sealed class InvoiceFontResolver : IFontResolver
{
    /// <summary>The font family name the invoice layout asks for.</summary>
    public const string FamilyName = "BillingKit Invoice Sans";

    private const string RegularFace = "BillingKit.Invoicing.Pdf.Fonts.DejaVuSans.ttf";
    private const string BoldFace = "BillingKit.Invoicing.Pdf.Fonts.DejaVuSans-Bold.ttf";

    private static readonly Lazy<byte[]> RegularData = new(() => Load(RegularFace));
    private static readonly Lazy<byte[]> BoldData = new(() => Load(BoldFace));

    private InvoiceFontResolver()
    {
    }

    /// <summary>Gets the shared instance.</summary>
    public static InvoiceFontResolver Instance { get; } = new();

    /// <summary>Resolves <see cref="FamilyName"/> to the bundled regular or bold face.</summary>
    /// <param name="familyName">The requested family.</param>
    /// <param name="bold">Whether bold is requested.</param>
    /// <param name="italic">Whether italic is requested; the upright face is used either way.</param>
    /// <returns>The face, or <see langword="null"/> for a family other than <see cref="FamilyName"/>.</returns>
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!string.Equals(familyName, FamilyName, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new FontResolverInfo(bold ? BoldFace : RegularFace);
    }

    /// <summary>Gets the bytes of a face returned by <see cref="ResolveTypeface"/>.</summary>
    /// <param name="faceName">The face name.</param>
    /// <returns>The TrueType data, or <see langword="null"/> for a face this resolver did not return.</returns>
    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => RegularData.Value,
        BoldFace => BoldData.Value,
        _ => null,
    };

    private static byte[] Load(string resourceName)
    {
        using var stream = typeof(InvoiceFontResolver).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The bundled font resource '{resourceName}' is missing from {typeof(InvoiceFontResolver).Assembly.GetName().Name}; the package is damaged.");
        using var copy = new MemoryStream(checked((int)stream.Length));
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

using PdfSharp.Fonts;

namespace BillingKit.Invoicing.Pdf.Tests;

public class InvoiceFontResolverTests
{
    [Fact]
    public void The_invoice_family_resolves_to_bundled_TrueType_fonts_and_other_families_to_nothing()
    {
        var resolver = InvoiceFontResolver.Instance;

        var regular = resolver.ResolveTypeface(InvoiceFontResolver.FamilyName, bold: false, italic: false);
        var bold = resolver.ResolveTypeface(InvoiceFontResolver.FamilyName, bold: true, italic: true);

        Assert.NotNull(regular);
        Assert.NotNull(bold);
        Assert.False(string.Equals(regular.FaceName, bold.FaceName, StringComparison.Ordinal));
        Assert.Null(resolver.ResolveTypeface("Arial", bold: false, italic: false));
        Assert.Null(resolver.GetFont("Arial"));
        foreach (var face in new[] { regular.FaceName, bold.FaceName })
        {
            var data = resolver.GetFont(face);
            Assert.NotNull(data);
            Assert.True(data.Length > 100_000);
            Assert.Equal(new byte[] { 0, 1, 0, 0 }, data[..4]);
        }
    }

    [Fact]
    public void The_dejavu_licence_travels_with_the_fonts()
    {
        var folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/BillingKit.Invoicing.Pdf/Fonts"));
        var licence = File.ReadAllText(Path.Combine(folder, "LICENSE-DejaVu.txt"));

        Assert.Contains("Bitstream Vera Fonts Copyright", licence, StringComparison.Ordinal);
        Assert.Contains("Arev Fonts Copyright", licence, StringComparison.Ordinal);
    }
}

public class FontRegistrationTests
{
    private sealed class HostResolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => null;

        public byte[]? GetFont(string faceName) => null;
    }

    [Fact]
    public void With_no_resolver_the_bundled_one_is_installed_as_the_resolver() =>
        Assert.Equal(FontRegistrationStep.InstallAsResolver, FontRegistration.Decide(resolver: null, fallback: null));

    [Fact]
    public void A_host_resolver_keeps_priority_and_the_bundled_one_becomes_the_fallback() =>
        Assert.Equal(FontRegistrationStep.InstallAsFallback, FontRegistration.Decide(new HostResolver(), fallback: null));

    [Fact]
    public void A_host_that_set_both_resolvers_is_left_alone() =>
        Assert.Equal(FontRegistrationStep.LeaveToHost, FontRegistration.Decide(new HostResolver(), new HostResolver()));

    [Fact]
    public void An_installed_bundled_resolver_is_not_installed_twice()
    {
        Assert.Equal(FontRegistrationStep.AlreadyRegistered, FontRegistration.Decide(InvoiceFontResolver.Instance, fallback: null));
        Assert.Equal(FontRegistrationStep.AlreadyRegistered, FontRegistration.Decide(new HostResolver(), InvoiceFontResolver.Instance));
    }

    [Fact]
    public void After_a_render_PDFsharp_resolves_the_invoice_family_through_the_bundled_resolver()
    {
        PdfSharpTestLicense.Ensure();
        _ = new InvoicePdfRenderer().Render(SampleInvoices.Draft(), SampleInvoices.Seller);

        Assert.True(
            GlobalFontSettings.FontResolver is InvoiceFontResolver || GlobalFontSettings.FallbackFontResolver is InvoiceFontResolver,
            "the bundled resolver should be installed");
    }
}

public class DeterministicPdfTests
{
    [Fact]
    public void Subset_tags_are_recognised_and_replaced_by_a_tag_derived_from_the_name()
    {
        Assert.Equal("DejaVu Sans", DeterministicPdf.SubsetTagged("/QWERTY+DejaVu Sans"));
        Assert.Null(DeterministicPdf.SubsetTagged("/DejaVu Sans"));
        Assert.Null(DeterministicPdf.SubsetTagged("/Qwerty+DejaVu Sans"));
        
        Assert.False(string.Equals(DeterministicPdf.SubsetTag("DejaVu Sans"), DeterministicPdf.SubsetTag("DejaVu Sans,Bold"), StringComparison.Ordinal));
        Assert.Matches("^[A-Z]{6}$", DeterministicPdf.SubsetTag("DejaVu Sans"));
    }

    [Fact]
    public void Xmp_ids_are_overwritten_in_place()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var xmp = "<xmpMM:DocumentID>uuid:11111111-2222-3333-4444-555555555555</xmpMM:DocumentID>"
            + "<xmpMM:InstanceID>uuid:66666666-7777-8888-9999-000000000000</xmpMM:InstanceID>";
        var bytes = System.Text.Encoding.ASCII.GetBytes(xmp);

        var replaced = DeterministicPdf.ReplaceXmpIds(bytes, id);

        Assert.Equal(2, replaced);
        Assert.Equal(xmp.Replace("11111111-2222-3333-4444-555555555555", id.ToString("D"), StringComparison.Ordinal)
                .Replace("66666666-7777-8888-9999-000000000000", id.ToString("D"), StringComparison.Ordinal),
            System.Text.Encoding.ASCII.GetString(bytes));
    }
}

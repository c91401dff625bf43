using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BillingKit.Invoicing.Pdf.Tests;

public class AddInvoicePdfTests
{
    [Fact]
    public void The_renderer_resolves_with_the_configured_options_and_renders()
    {
        PdfSharpTestLicense.Ensure();
        using var provider = new ServiceCollection()
            .AddBillingKitCore()
            .AddInvoicePdf(options => options.PaperSize = InvoicePaperSize.Letter)
            .Services.BuildServiceProvider(validateScopes: true);

        var renderer = provider.GetRequiredService<IInvoicePdfRenderer>();

        Assert.IsType<InvoicePdfRenderer>(renderer);
        Assert.Same(renderer, provider.GetRequiredService<IInvoicePdfRenderer>());
        Assert.Equal(InvoicePaperSize.Letter, provider.GetRequiredService<IOptions<InvoicePdfOptions>>().Value.PaperSize);
        Assert.NotEmpty(renderer.Render(SampleInvoices.Regular(), SampleInvoices.Seller));
    }

    [Fact]
    public void Calling_it_twice_registers_one_renderer()
    {
        var services = new ServiceCollection();
        services.AddBillingKitCore().AddInvoicePdf().AddInvoicePdf();

        Assert.Single(services, d => d.ServiceType == typeof(IInvoicePdfRenderer));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<InvoicePdfOptions>));
    }

    [Fact]
    public void An_unknown_culture_fails_validation_with_the_expected_form()
    {
        using var provider = new ServiceCollection()
            .AddBillingKitCore()
            .AddInvoicePdf(options => options.CultureName = "not-a-culture")
            .Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InvoicePdfOptions>>().Value);
        Assert.Contains("\"en-US\"", error.Message, StringComparison.Ordinal);
    }
}

using System.Security.Cryptography;
using System.Text;
using PdfSharp.Pdf;

namespace BillingKit.Invoicing.Pdf;

/// <summary>
/// Removes everything PDFsharp would otherwise take from the clock or a random generator, so one invoice always
/// renders to the same bytes: the information dictionary dates, the file identifier, the six-letter tags of embedded
/// font subsets (PDFsharp draws them from <see cref="Guid.NewGuid"/>) and the XMP document and instance ids (also
/// random in PDFsharp 6.5, and written during save, so they are replaced in the saved bytes with ids of equal length).
/// </summary>
internal static class DeterministicPdf
{
    private const string Producer = "BillingKit.Invoicing.Pdf";
    private static readonly string[] FontNameKeys = ["/BaseFont", "/FontName"];
    private static readonly byte[][] XmpIdMarkers =
    [
        Encoding.ASCII.GetBytes("<xmpMM:DocumentID>uuid:"),
        Encoding.ASCII.GetBytes("<xmpMM:InstanceID>uuid:"),
    ];

    /// <summary>Sets the information dictionary and identifiers and renames font subsets; call after drawing, before saving.</summary>
    public static void Prepare(PdfDocument pdf, DocumentMetadata metadata)
    {
        pdf.Info.Title = metadata.Title;
        pdf.Info.Subject = metadata.Subject;
        pdf.Info.Author = metadata.Author;
        pdf.Info.Creator = Producer;
        pdf.Info.Elements.SetString("/CreationDate", metadata.CreationDate);
        pdf.Info.Elements.SetString("/ModDate", metadata.ModificationDate);

        var raw = string.Concat(metadata.DocumentId.ToByteArray().Select(b => (char)b));
        pdf.Internals.FirstDocumentID = raw;
        pdf.Internals.SecondDocumentID = raw;

        foreach (var dictionary in pdf.Internals.GetAllObjects().OfType<PdfDictionary>())
        {
            foreach (var key in FontNameKeys)
            {
                var name = dictionary.Elements.GetName(key);
                if (SubsetTagged(name) is { } baseName)
                {
                    dictionary.Elements.SetName(key, "/" + SubsetTag(baseName) + "+" + baseName);
                }
            }
        }
    }

    /// <summary>Overwrites the random XMP ids in saved bytes with <paramref name="id"/> (same length, so offsets hold).</summary>
    /// <returns>How many ids were replaced.</returns>
    public static int ReplaceXmpIds(Span<byte> pdf, Guid id)
    {
        var replacement = Encoding.ASCII.GetBytes(id.ToString("D"));
        var replaced = 0;
        foreach (var marker in XmpIdMarkers)
        {
            var at = pdf.IndexOf(marker);
            if (at < 0)
            {
                continue;
            }

            var value = pdf.Slice(at + marker.Length, replacement.Length);
            if (Guid.TryParseExact(Encoding.ASCII.GetString(value), "D", out _))
            {
                replacement.CopyTo(value);
                replaced++;
            }
        }

        return replaced;
    }

    /// <summary>Returns the base name of a subset font name ("/ABCDEF+DejaVuSans" gives "DejaVuSans"), or null.</summary>
    internal static string? SubsetTagged(string name)
    {
        var text = name.StartsWith('/') ? name[1..] : name;
        if (text.Length > 7 && text[6] == '+' && text.AsSpan(0, 6).ContainsAnyExceptInRange('A', 'Z') is false)
        {
            return text[7..];
        }

        return null;
    }

    /// <summary>Six uppercase letters derived from the font's base name: stable across renders, distinct per face.</summary>
    internal static string SubsetTag(string baseName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(baseName));
        return string.Concat(hash.Take(6).Select(b => (char)('A' + (b % 26))));
    }
}

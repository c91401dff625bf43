using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace BillingKit.Invoicing.Pdf.Tests;

/// <summary>
/// Reads back the text a PDF really shows, the way a viewer's copy-and-paste does: parse each page's content stream
/// with PDFsharp's reader, follow the font selected by each Tf, and decode the glyph codes of every Tj/TJ through that
/// font's ToUnicode map. A string counts as shown only if it comes out of this decoding, so a missing or wrongly
/// encoded string fails the tests.
/// </summary>
internal static partial class PdfText
{
    /// <summary>The text fragments (one per text-showing operator) of each page, in drawing order.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Pages(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        var pages = new List<IReadOnlyList<string>>();
        foreach (var page in document.Pages)
        {
            var maps = FontMaps(page);
            var fragments = new List<string>();
            IReadOnlyDictionary<int, string>? font = null;
            foreach (var op in ContentReader.ReadContent(page).OfType<COperator>())
            {
                switch (op.OpCode.Name)
                {
                    case "Tf":
                        font = maps[((CName)op.Operands[0]).Name];
                        break;
                    case "Tj":
                        fragments.Add(Decode(((CString)op.Operands[0]).Value, font));
                        break;
                    case "TJ":
                        var text = new StringBuilder();
                        foreach (var part in ((CArray)op.Operands[0]).OfType<CString>())
                        {
                            text.Append(Decode(part.Value, font));
                        }

                        fragments.Add(text.ToString());
                        break;
                }
            }

            pages.Add(fragments);
        }

        return pages;
    }

    /// <summary>The text fragments of each page with the x coordinate (points from the left edge) where each starts,
    /// following BT, Td and Tm as PDFsharp writes them.</summary>
    public static IReadOnlyList<IReadOnlyList<(string Text, double X)>> Positions(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        var pages = new List<IReadOnlyList<(string Text, double X)>>();
        foreach (var page in document.Pages)
        {
            var maps = FontMaps(page);
            var fragments = new List<(string Text, double X)>();
            IReadOnlyDictionary<int, string>? font = null;
            var lineX = 0.0;
            foreach (var op in ContentReader.ReadContent(page).OfType<COperator>())
            {
                switch (op.OpCode.Name)
                {
                    case "BT":
                        lineX = 0;
                        break;
                    case "Td":
                        lineX += Number(op.Operands[0]);
                        break;
                    case "Tm":
                        lineX = Number(op.Operands[4]);
                        break;
                    case "Tf":
                        font = maps[((CName)op.Operands[0]).Name];
                        break;
                    case "Tj":
                        fragments.Add((Decode(((CString)op.Operands[0]).Value, font), lineX));
                        break;
                }
            }

            pages.Add(fragments);
        }

        return pages;
    }

    private static double Number(CObject value) => value switch
    {
        CInteger integer => integer.Value,
        CReal real => real.Value,
        _ => throw new InvalidOperationException($"Expected a number operand, got {value.GetType().Name}."),
    };

    /// <summary>All fragments of all pages.</summary>
    public static IReadOnlyList<string> All(byte[] pdf) => [.. Pages(pdf).SelectMany(page => page)];

    private static string Decode(string codes, IReadOnlyDictionary<int, string>? font)
    {
        Assert.NotNull(font);
        Assert.True(codes.Length % 2 == 0, "Identity-H text must use two-byte codes.");
        var text = new StringBuilder();
        for (var i = 0; i < codes.Length; i += 2)
        {
            var code = (codes[i] << 8) | codes[i + 1];
            Assert.True(font.TryGetValue(code, out var unicode), $"Glyph code {code} has no ToUnicode entry.");
            text.Append(unicode);
        }

        return text.ToString();
    }

    private static Dictionary<string, IReadOnlyDictionary<int, string>> FontMaps(PdfPage page)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<int, string>>(StringComparer.Ordinal);
        var fonts = page.Elements.GetDictionary("/Resources")?.Elements.GetDictionary("/Font");
        Assert.NotNull(fonts);
        foreach (var key in fonts.Elements.Keys)
        {
            var font = fonts.Elements.GetDictionary(key);
            Assert.NotNull(font);
            var toUnicode = font.Elements.GetDictionary("/ToUnicode");
            Assert.NotNull(toUnicode);
            result[key] = ParseCMap(Encoding.ASCII.GetString(toUnicode.Stream.UnfilteredValue));
        }

        return result;
    }

    private static Dictionary<int, string> ParseCMap(string cmap)
    {
        var map = new Dictionary<int, string>();
        foreach (Match block in BfChar().Matches(cmap))
        {
            foreach (Match pair in HexPair().Matches(block.Groups["body"].Value))
            {
                map[Hex(pair.Groups["code"].Value)] = Utf16(pair.Groups["unicode"].Value);
            }
        }

        foreach (Match block in BfRange().Matches(cmap))
        {
            foreach (Match range in HexTriple().Matches(block.Groups["body"].Value))
            {
                var low = Hex(range.Groups["low"].Value);
                var high = Hex(range.Groups["high"].Value);
                var first = Hex(range.Groups["first"].Value);
                for (var code = low; code <= high; code++)
                {
                    map[code] = char.ConvertFromUtf32(first + (code - low));
                }
            }
        }

        return map;
    }

    private static int Hex(string hex) => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Utf16(string hex)
    {
        var units = new char[hex.Length / 4];
        for (var i = 0; i < units.Length; i++)
        {
            units[i] = (char)Hex(hex.Substring(i * 4, 4));
        }

        return new string(units);
    }

    [GeneratedRegex(@"beginbfchar(?<body>.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex BfChar();

    [GeneratedRegex(@"beginbfrange(?<body>.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex BfRange();

    [GeneratedRegex(@"<(?<code>[0-9A-Fa-f]+)>\s*<(?<unicode>[0-9A-Fa-f]+)>")]
    private static partial Regex HexPair();

    [GeneratedRegex(@"<(?<low>[0-9A-Fa-f]+)>\s*<(?<high>[0-9A-Fa-f]+)>\s*<(?<first>[0-9A-Fa-f]+)>")]
    private static partial Regex HexTriple();
}

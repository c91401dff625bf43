namespace BillingKit.Invoicing.Pdf;

/// <summary>Breaks text into lines no wider than a limit, at spaces where possible and inside over-long words when
/// not. Widths come from a measuring function, so the rule is testable without a PDF.</summary>
internal static class TextWrapper
{
    /// <param name="text">The text; line breaks in it are kept.</param>
    /// <param name="fits">Whether a candidate line fits the width.</param>
    /// <returns>The lines; one empty line for empty text.</returns>
    public static IReadOnlyList<string> Wrap(string text, Func<string, bool> fits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fits);
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var current = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (fits(candidate))
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                current = word;
                while (current.Length > 1 && !fits(current))
                {
                    var cut = LongestFittingPrefix(current, fits);
                    lines.Add(current[..cut]);
                    current = current[cut..];
                }
            }

            lines.Add(current);
        }

        return lines;
    }

    private static int LongestFittingPrefix(string word, Func<string, bool> fits)
    {
        var cut = 1;
        while (cut + 1 < word.Length && fits(word[..(cut + 1)]))
        {
            cut++;
        }

        return cut;
    }
}

using System.Collections.Concurrent;
using System.Text;
using SkiaSharp;

namespace CommonThread.Web.Platform.Files;

/// <summary>
/// Writes simple A4 documents — headings, lines of text, tables — as real PDF files, in any script
/// a worker reads: each run of text is drawn with an installed font that has its letters (Noto on
/// Debian: fonts-noto-core) and shaped by HarfBuzz, so Bengali, Khmer, Burmese or Tamil join and
/// reorder as they should. Text in a script no installed font covers comes out as boxes.
/// <para>
/// Skia's PDF backend embeds each font it is given whole (SkiaSharp's native library is built without
/// its HarfBuzz subsetter): Noto Sans alone is 500 KB, so a one-page passbook was 750 KB. The document
/// is therefore laid out first (measured with the installed fonts) and drawn afterwards, with each font
/// cut down by <see cref="FontSubset"/> to the letters the document uses: a page is then tens of KB.
/// </para>
/// </summary>
public sealed class Pdf : IDisposable
{
    private const float PageWidth = 595, PageHeight = 842, Margin = 40;
    private static readonly ConcurrentDictionary<string, SKTypeface> Typefaces = new();
    private static readonly SKTypeface Latin = SKTypeface.FromFamilyName("Noto Sans") ?? SKTypeface.Default;

    // Distinguishable in colour and in greyscale print: dark blue, orange, grey, teal.
    private static readonly SKColor[] Palette = [new(0x1F, 0x4E, 0x79), new(0xE0, 0x8A, 0x1E), new(0x9E, 0x9E, 0x9E), new(0x2A, 0x9D, 0x8F)];

    private readonly Dictionary<SKTypeface, TextShaper> shapers = [];
    private readonly Dictionary<(SKTypeface, float), SKFont> fonts = [];
    private readonly SKPaint ink = new() { Color = SKColors.Black, IsAntialias = true };
    private readonly SKPaint rule = new() { Color = new SKColor(0xBB, 0xBB, 0xBB), StrokeWidth = 0.5f };

    // What each page draws, kept until the letters of the whole document are known.
    private readonly List<List<Action<Painter>>> pages = [[]];
    private readonly Dictionary<SKTypeface, HashSet<int>> lettersUsed = [];
    private float y = Margin;

    private Pdf()
    {
    }

    /// <summary>The document's bytes: <paramref name="compose"/> adds its content in reading order.</summary>
    public static byte[] Write(string title, Action<Pdf> compose)
    {
        using var pdf = new Pdf();
        compose(pdf);
        var subsets = pdf.lettersUsed.ToDictionary(used => used.Key, used => FontSubset.Of(used.Key, used.Value) ?? used.Key);
        try
        {
            using var output = new MemoryStream();
            using (var document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata { Title = title, Creator = "CommonThread", Producer = "CommonThread" }))
            {
                foreach (var page in pdf.pages)
                {
                    using var painter = new Painter(document.BeginPage(PageWidth, PageHeight), subsets);
                    foreach (var draw in page)
                    {
                        draw(painter);
                    }

                    document.EndPage();
                }

                document.Close();
            }

            return output.ToArray();
        }
        finally
        {
            foreach (var (original, subset) in subsets)
            {
                if (subset != original)
                {
                    subset.Dispose();
                }
            }
        }
    }

    public void Heading(string text) => Line(text, 16, gapAfter: 8);

    public void Line(string text, float size = 10, float gapAfter = 4)
    {
        NeedRoom(size * 1.4f);
        y += size;
        Draw(text, Margin, y, size, PageWidth - 2 * Margin);
        y += size * 0.4f + gapAfter;
    }

    /// <summary>A table with a header row; <paramref name="widths"/> are shares of the line (they sum to 1). Cells too long are shortened with "…".</summary>
    public void Table(IReadOnlyList<string> headers, IReadOnlyList<float> widths, IEnumerable<IReadOnlyList<string>> rows, float size = 9)
    {
        var usable = PageWidth - 2 * Margin;
        void Row(IReadOnlyList<string> cells, bool header)
        {
            NeedRoom(size * 1.8f);
            y += size * 1.2f;
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var width = widths[i] * usable;
                Draw(cells[i], x, y, header ? size + 0.5f : size, width - 4);
                x += width;
            }

            y += size * 0.5f;
            DrawLine(Margin, y, PageWidth - Margin, y, header ? ink : rule);
        }

        Row(headers, header: true);
        foreach (var row in rows)
        {
            Row(row, header: false);
        }

        y += 8;
    }

    /// <summary>
    /// A horizontal bar chart: one row per label, one bar per series (a missing value leaves a gap
    /// marked "–"), scaled from 0 to <paramref name="maximum"/>, with a legend of the series.
    /// </summary>
    public void Bars(IReadOnlyList<string> series, IEnumerable<(string Label, IReadOnlyList<double?> Values)> rows, double maximum = 100, float size = 8)
    {
        var usable = PageWidth - 2 * Margin;
        var labelWidth = usable * 0.32f;
        var barsWidth = usable - labelWidth - 30;
        var barHeight = size;
        NeedRoom(size * 2);
        y += size;
        var x = Margin + labelWidth;
        for (var s = 0; s < series.Count; s++)
        {
            DrawRect(x, y - size * 0.8f, size, size * 0.8f, Palette[s % Palette.Length]);
            Draw(series[s], x + size + 3, y, size, 120);
            x += 130;
        }

        y += size;
        foreach (var (label, values) in rows)
        {
            var height = barHeight * values.Count + 4;
            NeedRoom(height + 2);
            Draw(label, Margin, y + barHeight, size, labelWidth - 6);
            for (var s = 0; s < values.Count; s++)
            {
                var top = y + s * barHeight;
                if (values[s] is { } value)
                {
                    var width = (float)(Math.Clamp(value / maximum, 0, 1) * barsWidth);
                    DrawRect(Margin + labelWidth, top + 1, Math.Max(width, 0.5f), barHeight - 2, Palette[s % Palette.Length]);
                    Draw(value.ToString("0", System.Globalization.CultureInfo.InvariantCulture), Margin + labelWidth + width + 3, top + barHeight - 1.5f, size - 1, 30);
                }
                else
                {
                    Draw("–", Margin + labelWidth + 3, top + barHeight - 1.5f, size - 1, 30);
                }
            }

            y += height;
            DrawLine(Margin + labelWidth, y - 2, Margin + labelWidth + barsWidth, y - 2, rule);
        }

        y += 8;
    }

    public void Dispose()
    {
        foreach (var shaper in shapers.Values)
        {
            shaper.Dispose();
        }

        foreach (var font in fonts.Values)
        {
            font.Dispose();
        }

        ink.Dispose();
        rule.Dispose();
    }

    private void NeedRoom(float height)
    {
        if (y + height > PageHeight - Margin)
        {
            pages.Add([]);
            y = Margin;
        }
    }

    private void DrawLine(float x0, float y0, float x1, float y1, SKPaint paint) => pages[^1].Add(p => p.Canvas.DrawLine(x0, y0, x1, y1, paint));

    private void DrawRect(float x, float top, float width, float height, SKColor colour) => pages[^1].Add(p =>
    {
        using var fill = new SKPaint { Color = colour, IsAntialias = true };
        p.Canvas.DrawRect(x, top, width, height, fill);
    });

    /// <summary>Draws text run by run, each in a font that has its letters, shortened to fit the width.</summary>
    private void Draw(string text, float x, float baseline, float size, float maxWidth)
    {
        var runs = Runs(text);
        if (Width(runs, size) > maxWidth && text.Length > 1)
        {
            // The longest start that fits with "…", found by halving rather than one letter at a time.
            int fits = 0, tooLong = text.Length;
            while (tooLong - fits > 1)
            {
                var middle = (fits + tooLong) / 2;
                if (Width(Runs(text[..middle].TrimEnd() + "…"), size) <= maxWidth)
                {
                    fits = middle;
                }
                else
                {
                    tooLong = middle;
                }
            }

            runs = Runs(text[..Math.Max(fits, 1)].TrimEnd() + "…");
        }

        foreach (var (run, typeface) in runs)
        {
            var (shaper, font) = Shaping(typeface, size);
            if (!lettersUsed.TryGetValue(typeface, out var letters))
            {
                lettersUsed[typeface] = letters = [];
            }

            foreach (var rune in run.EnumerateRunes())
            {
                letters.Add(rune.Value);
            }

            var at = x;
            pages[^1].Add(p => p.Text(run, typeface, at, baseline, size, ink));
            x += shaper.Shape(run, font).Width;
        }
    }

    private float Width(List<(string Text, SKTypeface Typeface)> runs, float size)
    {
        float width = 0;
        foreach (var (text, typeface) in runs)
        {
            var (shaper, font) = Shaping(typeface, size);
            width += shaper.Shape(text, font).Width;
        }

        return width;
    }

    // A shaper loads the typeface into HarfBuzz: one per typeface and size for the document, not one per cell.
    private (TextShaper Shaper, SKFont Font) Shaping(SKTypeface typeface, float size)
    {
        if (!shapers.TryGetValue(typeface, out var shaper))
        {
            shapers[typeface] = shaper = new TextShaper(typeface, typeface == Latin);
        }

        if (!fonts.TryGetValue((typeface, size), out var font))
        {
            fonts[(typeface, size)] = font = new SKFont(typeface, size);
        }

        return (shaper, font);
    }

    /// <summary>Splits text where the font must change; spaces and punctuation stay with the run they are in.</summary>
    private static List<(string Text, SKTypeface Typeface)> Runs(string text)
    {
        var runs = new List<(string, SKTypeface)>();
        var current = new StringBuilder();
        SKTypeface? face = null;
        foreach (var rune in text.EnumerateRunes())
        {
            var neutral = Rune.IsWhiteSpace(rune) || Rune.IsPunctuation(rune) || Rune.IsDigit(rune);
            var needed = neutral && face is not null ? face : FaceFor(rune);
            if (face is not null && needed != face)
            {
                runs.Add((current.ToString(), face));
                current.Clear();
            }

            face = needed;
            current.Append(rune.ToString());
        }

        if (face is not null)
        {
            runs.Add((current.ToString(), face));
        }

        return runs;
    }

    private static SKTypeface FaceFor(Rune rune)
    {
        if (Latin.ContainsGlyph(rune.Value))
        {
            return Latin;
        }

        var match = SKFontManager.Default.MatchCharacter(rune.Value);
        return match is null ? Latin : Typefaces.GetOrAdd(match.FamilyName, _ => match);
    }

    /// <summary>Draws a page with the cut-down fonts; shaping them gives the glyphs and widths the full fonts gave.</summary>
    private sealed class Painter(SKCanvas canvas, IReadOnlyDictionary<SKTypeface, SKTypeface> subsets) : IDisposable
    {
        private readonly Dictionary<SKTypeface, TextShaper> shapers = [];
        private readonly Dictionary<(SKTypeface, float), SKFont> fonts = [];

        public SKCanvas Canvas => canvas;

        public void Text(string text, SKTypeface typeface, float x, float baseline, float size, SKPaint paint)
        {
            var face = subsets.GetValueOrDefault(typeface, typeface);
            if (!shapers.TryGetValue(face, out var shaper))
            {
                shapers[face] = shaper = new TextShaper(face, typeface == Latin);
            }

            if (!fonts.TryGetValue((face, size), out var font))
            {
                fonts[(face, size)] = font = new SKFont(face, size);
            }

            shaper.Draw(canvas, text, x, baseline, font, paint);
        }

        public void Dispose()
        {
            foreach (var shaper in shapers.Values)
            {
                shaper.Dispose();
            }

            foreach (var font in fonts.Values)
            {
                font.Dispose();
            }
        }
    }
}

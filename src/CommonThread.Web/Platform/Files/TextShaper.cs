using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;
using Buffer = HarfBuzzSharp.Buffer;

namespace CommonThread.Web.Platform.Files;

/// <summary>
/// Shapes a run of text in one typeface with HarfBuzz and draws it as a text blob that carries the run's text and
/// which letters each glyph stands for. SkiaSharp's own shaper draws bare glyphs, so the PDF says nothing about a
/// glyph the font's character map does not name: a ligature ("ff" drawn as one glyph) or a Bengali conjunct then
/// vanished when a reader copied, searched or extracted the text. Given the text and its clusters, Skia's PDF writer
/// spells such a glyph out (ActualText).
/// <para>
/// Optional ligatures are also turned off in runs of the Latin font (Latin, Greek, Cyrillic, Vietnamese): a reader that ignores ActualText (most
/// extractors do) would still lose the letters, and a report reads as well without "ff" joined. Ligatures a script
/// needs (Arabic's lam-alef, Indic conjuncts) are other features and stay on.
/// </para>
/// </summary>
public sealed class TextShaper : IDisposable
{
    // HarfBuzz works in integers: positions are shaped at this many units per point and scaled to the font's size.
    private const int Scale = 1 << 10;
    private static readonly Feature[] NoOptionalLigatures = [new(new Tag('l', 'i', 'g', 'a'), 0), new(new Tag('c', 'l', 'i', 'g'), 0)];

    private readonly HarfBuzzSharp.Font font;
    private readonly Feature[] features;

    public TextShaper(SKTypeface typeface, bool latin)
    {
        using var blob = typeface.OpenStream(out var index).ToHarfBuzzBlob();
        using var face = new Face(blob, index) { Index = index, UnitsPerEm = typeface.UnitsPerEm };
        font = new HarfBuzzSharp.Font(face);
        font.SetScale(Scale, Scale);
        font.SetFunctionsOpenType();
        features = latin ? NoOptionalLigatures : [];
    }

    /// <summary>The run's glyphs placed from 0 along the baseline, with the width they take at the font's size.</summary>
    public Shaped Shape(string text, SKFont size)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        using var buffer = new Buffer();
        buffer.AddUtf8(utf8);
        buffer.GuessSegmentProperties();
        font.Shape(buffer, features);

        var infos = buffer.GlyphInfos;
        var positions = buffer.GlyphPositions;
        var unit = size.Size / Scale;
        var glyphs = new ushort[infos.Length];
        var points = new SKPoint[infos.Length];
        var clusters = new uint[infos.Length];
        float x = 0, y = 0;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = infos[i].Cluster;
            points[i] = new SKPoint(x + positions[i].XOffset * unit, y - positions[i].YOffset * unit);
            x += positions[i].XAdvance * unit;
            y -= positions[i].YAdvance * unit;
        }

        return new Shaped(utf8, glyphs, points, clusters, x);
    }

    public void Draw(SKCanvas canvas, string text, float x, float baseline, SKFont size, SKPaint paint)
    {
        var shaped = Shape(text, size);
        if (shaped.Glyphs.Length == 0)
        {
            return;
        }

        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocatePositionedTextRun(size, shaped.Glyphs.Length, shaped.Utf8.Length, null);
        run.SetGlyphs(shaped.Glyphs);
        run.SetPositions(shaped.Points);
        run.SetText(shaped.Utf8);
        run.SetClusters(shaped.Clusters);
        using var blob = builder.Build();
        canvas.DrawText(blob, x, baseline, paint);
    }

    public void Dispose() => font.Dispose();

    /// <summary>Clusters are byte offsets into <see cref="Utf8"/>, as both HarfBuzz (given UTF-8) and Skia count them.</summary>
    public sealed record Shaped(byte[] Utf8, ushort[] Glyphs, SKPoint[] Points, uint[] Clusters, float Width);
}

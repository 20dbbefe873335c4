using System.Runtime.InteropServices;
using SkiaSharp;

namespace CommonThread.Web.Platform.Files;

/// <summary>
/// A font cut down to the letters a document uses (with every glyph its shaping rules can reach from
/// them: Bengali conjuncts, Khmer subscripts, ligatures), made by HarfBuzz's subsetter, which the
/// HarfBuzzSharp native library already ships but whose managed API does not expose. Hinting is
/// dropped: a PDF viewer scales the outlines itself.
/// </summary>
internal static class FontSubset
{
    private const string HarfBuzz = "libHarfBuzzSharp";
    private const int MemoryModeDuplicate = 0;
    private const uint NoHinting = 0x1;

    /// <summary>The cut-down typeface, or null when the font cannot be read or cut (the caller embeds it whole).</summary>
    public static SKTypeface? Of(SKTypeface typeface, IEnumerable<int> codepoints)
    {
        byte[] bytes;
        int index;
        using (var stream = typeface.OpenStream(out index))
        {
            if (stream is null || !stream.HasLength)
            {
                return null;
            }

            bytes = new byte[stream.Length];
            if (stream.Read(bytes, bytes.Length) != bytes.Length)
            {
                return null;
            }
        }

        var subset = Cut(bytes, index, codepoints);
        return subset is null ? null : SKTypeface.FromData(SKData.CreateCopy(subset));
    }

    private static byte[]? Cut(byte[] font, int index, IEnumerable<int> codepoints)
    {
        IntPtr blob, face, input = IntPtr.Zero, subset = IntPtr.Zero, result = IntPtr.Zero;
        var pinned = GCHandle.Alloc(font, GCHandleType.Pinned);
        try
        {
            // Duplicate: HarfBuzz keeps its own copy, so the array need not stay pinned.
            blob = hb_blob_create(pinned.AddrOfPinnedObject(), (uint)font.Length, MemoryModeDuplicate, IntPtr.Zero, IntPtr.Zero);
        }
        finally
        {
            pinned.Free();
        }

        face = hb_face_create(blob, (uint)index);
        try
        {
            input = hb_subset_input_create_or_fail();
            if (input == IntPtr.Zero)
            {
                return null;
            }

            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var codepoint in codepoints)
            {
                hb_set_add(unicodes, (uint)codepoint);
            }

            hb_subset_input_set_flags(input, NoHinting);
            subset = hb_subset_or_fail(face, input);
            if (subset == IntPtr.Zero)
            {
                return null;
            }

            result = hb_face_reference_blob(subset);
            var bytes = hb_blob_get_data(result, out var length);
            if (bytes == IntPtr.Zero || length == 0)
            {
                return null;
            }

            var copy = new byte[length];
            Marshal.Copy(bytes, copy, 0, (int)length);
            return copy;
        }
        finally
        {
            hb_blob_destroy(result);
            hb_face_destroy(subset);
            hb_subset_input_destroy(input);
            hb_face_destroy(face);
            hb_blob_destroy(blob);
        }
    }

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_blob_create(IntPtr data, uint length, int mode, IntPtr userData, IntPtr destroy);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [DllImport(HarfBuzz)]
    private static extern void hb_blob_destroy(IntPtr blob);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_face_create(IntPtr blob, uint index);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_face_reference_blob(IntPtr face);

    [DllImport(HarfBuzz)]
    private static extern void hb_face_destroy(IntPtr face);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_subset_input_create_or_fail();

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);

    [DllImport(HarfBuzz)]
    private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);

    [DllImport(HarfBuzz)]
    private static extern void hb_subset_input_destroy(IntPtr input);

    [DllImport(HarfBuzz)]
    private static extern void hb_set_add(IntPtr set, uint codepoint);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
}

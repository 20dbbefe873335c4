using System.Text;
using CommonThread.Web.Grievances;
using CommonThread.Web.Platform.Errors;
using UglyToad.PdfPig;

namespace CommonThread.Tests.Grievances;

/// <summary>What a reporter attaches loses what it says about who made it, where and when, and stays a file readers open.</summary>
public sealed class AttachmentMetadataSpecs
{
    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("pdf")]
    [InlineData("mp3")]
    [InlineData("ogg")]
    [InlineData("m4a")]
    public void Every_kind_of_attachment_loses_names_places_devices_and_dates_from_its_metadata(string kind)
    {
        var original = kind switch
        {
            "png" => SampleFiles.Png(),
            "jpeg" => SampleFiles.Jpeg(),
            "pdf" => SampleFiles.Pdf(),
            "mp3" => SampleFiles.Mp3(),
            "ogg" => SampleFiles.Ogg(),
            _ => SampleFiles.M4a(),
        };
        Assert.Contains(SampleFiles.Secrets, s => Latin1(original).Contains(s, StringComparison.Ordinal)); // the sample does carry them

        var clean = Attachments.WithoutMetadata(original);

        Assert.All(SampleFiles.Secrets, s => Assert.DoesNotContain(s, Latin1(clean), StringComparison.Ordinal));
        Assert.Equal(Attachments.TypeOf(original), Attachments.TypeOf(clean));
    }

    [Fact]
    public void A_png_keeps_only_the_chunks_that_draw_it_each_with_a_correct_crc()
    {
        var clean = Attachments.WithoutMetadata(SampleFiles.Png());

        Assert.Equal(["IHDR", "sRGB", "IDAT", "IEND"], SampleFiles.PngChunks(clean));
    }

    [Fact]
    public void A_jpeg_keeps_a_bare_jfif_header_its_tables_and_scans_and_ends_at_its_end_of_image_marker()
    {
        var clean = Attachments.WithoutMetadata(SampleFiles.Jpeg());

        Assert.Equal([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 1, 2, 1, 0, 72, 0, 72, 0, 0, 0xFF, 0xDB], clean[..22]);
        Assert.Equal([0xFF, 0xD9], clean[^2..]);
        Assert.Equal(2, Markers(clean).Count(m => m == 0xDA)); // both progressive scans are still there
        Assert.DoesNotContain(Markers(clean), m => m is (>= 0xE1 and <= 0xEF) or 0xFE);
    }

    [Fact]
    public void A_pdf_is_cleaned_in_place_in_every_revision_so_its_cross_references_still_hold_and_it_opens()
    {
        var original = SampleFiles.Pdf();

        var clean = Attachments.WithoutMetadata(original);

        Assert.Equal(original.Length, clean.Length);
        SampleFiles.AssertPdfOffsetsHold(clean);
        using var document = PdfDocument.Open(clean, new ParsingOptions { UseLenientParsing = false });
        Assert.Equal(1, document.NumberOfPages);
        Assert.Null(document.Information.Author);
        Assert.Null(document.Information.Producer);
        Assert.Contains("Wages 3200 taka", Latin1(clean), StringComparison.Ordinal); // what the document says stays
    }

    [Fact]
    public void Voice_notes_keep_their_audio_and_an_ogg_keeps_valid_page_checksums()
    {
        var mp3 = Attachments.WithoutMetadata(SampleFiles.Mp3());
        var ogg = Attachments.WithoutMetadata(SampleFiles.Ogg());
        var m4a = Attachments.WithoutMetadata(SampleFiles.M4a());

        Assert.Equal([0xFF, 0xFB], mp3[..2]);
        Assert.Equal(2 * 417, mp3.Length);
        Assert.Equal(3, SampleFiles.AssertOggPagesHold(ogg));
        Assert.Equal(SampleFiles.Ogg().Length, ogg.Length);
        Assert.Equal(SampleFiles.M4a().Length, m4a.Length);
        Assert.Contains("free", Latin1(m4a), StringComparison.Ordinal);
        Assert.EndsWith("mdat\u0001\u0002\u0003\u0004", Latin1(m4a), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("pdf")]
    public void A_file_cut_short_or_malformed_is_refused_rather_than_stored_with_its_metadata(string kind)
    {
        byte[] broken = kind switch
        {
            "png" => SampleFiles.Png()[..40],
            "jpeg" => [0xFF, 0xD8, 0xFF, 0xE1, 0x40, 0x00, .. "Exif Maria Khatun"u8],
            _ => Encoding.Latin1.GetBytes("%PDF-1.4\n1 0 obj << /Author (Maria Khatun"),
        };

        var refused = Assert.Throws<RuleViolation>(() => Attachments.WithoutMetadata(broken));

        Assert.Equal("attachments", refused.Field);
    }

    [Fact]
    public void Files_are_named_by_their_place_and_type_and_an_old_original_name_is_never_shown()
    {
        Assert.Equal("attachment-2.pdf", Attachments.NeutralName(2, "application/pdf"));
        Assert.Equal("attachment-1.jpg", Attachments.ShownName("attachment-1.jpg", 3, "image/jpeg"));
        Assert.Equal("attachment-3.jpg", Attachments.ShownName("IMG_20260311_maria.jpg", 3, "image/jpeg"));
    }

    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    private static List<byte> Markers(byte[] jpeg)
    {
        var markers = new List<byte>();
        for (var i = 2; i + 3 < jpeg.Length && jpeg[i] == 0xFF && jpeg[i + 1] != 0xD9;)
        {
            var marker = jpeg[i + 1];
            markers.Add(marker);
            i += 2 + ((jpeg[i + 2] << 8) | jpeg[i + 3]);
            while (marker == 0xDA && i < jpeg.Length && !(jpeg[i] == 0xFF && jpeg[i + 1] is not (0x00 or (>= 0xD0 and <= 0xD7))))
            {
                i++;
            }
        }

        return markers;
    }
}

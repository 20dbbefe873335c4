using System.Globalization;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace CommonThread.Web.Knowledge.Training;

/// <summary>A certificate of participation as a PDF, worded in the participant's language (and printed in its script) whoever prints it.</summary>
public sealed class CertificatePdf(IStringLocalizer<Shell> text)
{
    public byte[] Write(Certificate certificate)
    {
        var words = new InCulture(text, CultureInfo.GetCultureInfo(certificate.Language));
        return Pdf.Write($"{words["Certificate of participation"]} · {certificate.Name}", pdf =>
        {
            pdf.Heading(words["Certificate of participation"]);
            pdf.Line(certificate.Name, 20, 8);
            pdf.Line(string.Format(CultureInfo.InvariantCulture, words["of {0}"], certificate.Organisation), 11, 12);
            pdf.Line(string.Format(CultureInfo.InvariantCulture, words["took part in the programme {0}."], certificate.Programme), 12, 12);
            pdf.Line(words["Sessions attended:"], 11);
            foreach (var (title, starts, ends) in certificate.Sessions)
            {
                pdf.Line($"{title} · {Days(starts, ends)}", 10);
            }

            pdf.Line(string.Format(CultureInfo.InvariantCulture, words["Issued by {0} on {1}."], certificate.IssuedBy, certificate.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                10, 0);
        });
    }

    private static string Days(DateOnly starts, DateOnly ends) =>
        starts == ends ? starts.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : $"{starts.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} – {ends.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}

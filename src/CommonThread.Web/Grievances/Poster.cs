using QRCoder;

namespace CommonThread.Web.Grievances;

/// <summary>The QR code of a channel's link, as SVG: sharp at any print size, drawn on the server.</summary>
public static class Poster
{
    public static string QrSvg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(512, 512), "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}

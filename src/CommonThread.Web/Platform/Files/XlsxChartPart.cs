using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace CommonThread.Web.Platform.Files;

/// <summary>
/// A native Excel bar chart over a sheet's cells (so it follows the figures if someone edits them),
/// anchored to the right of the table.
/// </summary>
internal static class XlsxChartPart
{
    /// <returns>The relationship id the worksheet's drawing element points at.</returns>
    public static string Add(WorksheetPart sheetPart, string sheetName, XlsxChart chart, int rowCount)
    {
        var drawings = sheetPart.AddNewPart<DrawingsPart>();
        var chartPart = drawings.AddNewPart<ChartPart>();
        var sheet = "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'";
        var last = rowCount + 1;
        var labels = Column(chart.LabelColumn);
        var bars = new C.BarChart(new C.BarDirection { Val = C.BarDirectionValues.Bar }, new C.BarGrouping { Val = C.BarGroupingValues.Clustered }, new C.VaryColors { Val = false });
        for (var i = 0; i < chart.ValueColumns.Count; i++)
        {
            var values = Column(chart.ValueColumns[i]);
            bars.Append(new C.BarChartSeries(
                new C.Index { Val = (uint)i }, new C.Order { Val = (uint)i },
                new C.SeriesText(new C.StringReference(new C.Formula($"{sheet}!${values}$1"))),
                new C.InvertIfNegative { Val = false },
                new C.CategoryAxisData(new C.StringReference(new C.Formula($"{sheet}!${labels}$2:${labels}${last}"))),
                new C.Values(new C.NumberReference(new C.Formula($"{sheet}!${values}$2:${values}${last}")))));
        }

        bars.Append(new C.GapWidth { Val = 60 }, new C.AxisId { Val = 1 }, new C.AxisId { Val = 2 });
        var plot = new C.PlotArea(new C.Layout(), bars,
            new C.CategoryAxis(new C.AxisId { Val = 1 }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MaxMin }), new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Left }, new C.CrossingAxis { Val = 2 }),
            new C.ValueAxis(new C.AxisId { Val = 2 }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }), new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Bottom }, new C.MajorGridlines(), new C.CrossingAxis { Val = 1 }));
        var title = new C.Title(new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph(new A.Run(new A.Text(chart.Title))))), new C.Overlay { Val = false });
        chartPart.ChartSpace = new C.ChartSpace(new C.RoundedCorners { Val = false },
            new C.Chart(title, new C.AutoTitleDeleted { Val = false }, plot, new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true }));
        chartPart.ChartSpace.Save();

        var firstColumn = (chart.ValueColumns.Append(chart.LabelColumn).Max() + 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var height = Math.Max(15, rowCount * 2 + 5).ToString(System.Globalization.CultureInfo.InvariantCulture);
        drawings.WorksheetDrawing = new Xdr.WorksheetDrawing(new Xdr.TwoCellAnchor(
            new Xdr.FromMarker(new Xdr.ColumnId(firstColumn), new Xdr.ColumnOffset("0"), new Xdr.RowId("1"), new Xdr.RowOffset("0")),
            new Xdr.ToMarker(new Xdr.ColumnId((int.Parse(firstColumn, System.Globalization.CultureInfo.InvariantCulture) + 9).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Xdr.ColumnOffset("0"), new Xdr.RowId(height), new Xdr.RowOffset("0")),
            new Xdr.GraphicFrame(
                new Xdr.NonVisualGraphicFrameProperties(new Xdr.NonVisualDrawingProperties { Id = 2, Name = chart.Title }, new Xdr.NonVisualGraphicFrameDrawingProperties()),
                new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                new A.Graphic(new A.GraphicData(new C.ChartReference { Id = drawings.GetIdOfPart(chartPart) }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
            { Macro = "" },
            new Xdr.ClientData()));
        drawings.WorksheetDrawing.Save();
        return sheetPart.GetIdOfPart(drawings);
    }

    private static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}

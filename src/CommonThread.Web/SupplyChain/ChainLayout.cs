namespace CommonThread.Web.SupplyChain;

/// <summary>
/// Places a chain on a grid for drawing: one column per tier (the organisation itself at column 0),
/// facilities in a column ordered by where their buyers sit, so lines cross as little as a simple
/// ordering allows.
/// </summary>
public sealed class ChainLayout
{
    public const double NodeWidth = 210;
    public const double NodeHeight = 50;
    public const double ColumnGap = 70;
    public const double RowGap = 14;

    public sealed record Box(ChainNode? Node, double X, double Y);

    public sealed record Line(double X1, double Y1, double X2, double Y2, bool Ended);

    public Box Root { get; }

    public IReadOnlyList<Box> Boxes { get; }

    public IReadOnlyList<Line> Lines { get; }

    public double Width { get; }

    public double Height { get; }

    public ChainLayout(ChainDto chain)
    {
        var rows = new Dictionary<Guid, double>();
        var boxes = new List<Box>();
        var parents = chain.Edges.ToLookup(e => e.To, e => e.From);
        var columns = chain.Nodes.GroupBy(n => n.Tier).OrderBy(g => g.Key).ToList();
        var tallest = Math.Max(1, columns.Select(c => c.Count()).DefaultIfEmpty(1).Max());
        foreach (var column in columns)
        {
            // Order by the mean row of the facility's buyers (the organisation is row 0).
            var ordered = column.OrderBy(n => parents[n.FacilityId].Select(p => p is { } id && rows.TryGetValue(id, out var r) ? r : 0).DefaultIfEmpty(0).Average())
                .ThenBy(n => n.Name, StringComparer.CurrentCulture).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                rows[ordered[i].FacilityId] = i;
                boxes.Add(new(ordered[i], X(column.Key), Y(i)));
            }
        }

        Root = new(null, X(0), Y(0));
        Boxes = boxes;
        var at = boxes.ToDictionary(b => b.Node!.FacilityId);
        Lines = chain.Edges.Where(e => at.ContainsKey(e.To) && (e.From is null || at.ContainsKey(e.From.Value)))
            .Select(e =>
            {
                var from = e.From is { } f ? at[f] : Root;
                var to = at[e.To];
                return new Line(from.X + NodeWidth, from.Y + (NodeHeight / 2), to.X, to.Y + (NodeHeight / 2), e.Ended);
            }).ToList();
        Width = X(columns.Count == 0 ? 1 : columns[^1].Key + 1) - ColumnGap + 2;
        Height = Y(tallest) - RowGap + 2;
    }

    private static double X(int tier) => 1 + (tier * (NodeWidth + ColumnGap));

    private static double Y(int row) => 1 + (row * (NodeHeight + RowGap));
}

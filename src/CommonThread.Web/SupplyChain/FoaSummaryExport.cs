namespace CommonThread.Web.SupplyChain;

/// <summary>The FoA list as files: the same columns in CSV (UTF-8 with BOM, so Excel reads accents) and in XLSX.</summary>
public static class FoaSummaryExport
{
    private static readonly string[] Header =
        ["facility", "address", "country", "os_id", "tier", "link", "operated", "union", "worker_committee", "cba", "workers_women", "workers_men", "workers_total"];

    private static IEnumerable<object?[]> Rows(IEnumerable<FoaSummaryRow> rows) => rows.Select(r => new object?[]
    {
        r.Name, r.Address, r.CountryCode, r.OsId, r.Tier, r.Link, r.Operated, r.HasUnion, r.HasWorkerCommittee, r.HasCollectiveAgreement, r.WorkersWomen, r.WorkersMen, r.WorkersTotal,
    });

    public static byte[] Csv(IEnumerable<FoaSummaryRow> rows) => Platform.Files.Csv.File(Header, Rows(rows));

    public static byte[] Xlsx(IEnumerable<FoaSummaryRow> rows) => Platform.Files.Xlsx.Write("FoA", Header, Rows(rows));
}

using System.Net;
using System.Text;
using System.Text.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Platform.Files;
using CommonThread.Web.SupplyChain.Imports;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Platform;

/// <summary>
/// A file over a limit is refused whole, with one problem saying so, never cut short; and a file of many
/// bad rows reports (and stores) the first 1,000 problems with the count of all.
/// </summary>
public abstract class ImportLimitSpecs(TestApp app)
{
    /// <summary>The columns each import requires, so that every row of a file is read and judged.</summary>
    private static readonly Dictionary<string, string> RequiredHeader = new()
    {
        ["facility import"] = "name,address,country",
        ["homeworker import"] = "name,gender,birth_date,proof_of_age,proof_checked_on,address,area,country",
        ["homework payment import"] = "work_order,amount,paid_on,method,paid_by",
        ["invoice import"] = "counterpart,invoice,amount,currency,terms_days,invoice_date",
        ["audit finding import"] = "finding,severity,category",
    };

    public static TheoryData<string, UploadEndpoint> OverLimitCases()
    {
        var cases = new TheoryData<string, UploadEndpoint>();
        foreach (var format in new[] { "csv", "xlsx" })
        {
            foreach (var endpoint in UploadEndpoint.All)
            {
                cases.Add(format, endpoint);
            }
        }

        return cases;
    }

    public static TheoryData<UploadEndpoint> TableEndpoints() => [.. UploadEndpoint.All.Where(e => RequiredHeader.ContainsKey(e.Name))];

    private static readonly Lazy<byte[]> OverLimitCsv = new(() =>
        Encoding.UTF8.GetBytes("name\n" + string.Concat(Enumerable.Repeat("x\n", TableFile.MaxRows + 1))));

    private static readonly Lazy<byte[]> OverLimitXlsx = new(() => Bombs.Workbook(sheet: s =>
    {
        var xml = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (var r = 1; r <= TableFile.MaxRows + 2; r++)
        {
            xml.Append("<row r=\"").Append(r).Append("\"><c r=\"A").Append(r).Append("\" t=\"s\"><v>0</v></c></row>");
        }

        s.Write(Encoding.UTF8.GetBytes(xml.Append("</sheetData></worksheet>").ToString()));
    }));

    [Theory]
    [MemberData(nameof(OverLimitCases))]
    public async Task A_file_over_the_row_limit_is_refused_whole_with_one_problem_and_nothing_is_written(string format, UploadEndpoint endpoint)
    {
        var uploader = await Uploader.CreateAsync(app);
        var rows = await uploader.CountRowsAsync(app);

        var response = await uploader.PostAsync(endpoint, $"long.{format}", format == "csv" ? OverLimitCsv.Value : OverLimitXlsx.Value);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var limit = endpoint.Name == "XLSForm import" ? CommonThread.XlsForm.XlsFormLoader.MaxChoiceRows : TableFile.MaxRows;
        Assert.Equal($"The file has more than {limit:N0} rows. Split it into smaller files.", Assert.Single(problem.FieldErrors("file")));
        Assert.Equal(rows, await uploader.CountRowsAsync(app));
    }

    [Theory]
    [MemberData(nameof(TableEndpoints))]
    public async Task A_file_of_many_bad_rows_reports_the_first_thousand_problems_and_counts_them_all(UploadEndpoint endpoint)
    {
        var uploader = await Uploader.CreateAsync(app);
        var header = RequiredHeader[endpoint.Name];
        var bad = string.Join(',', header.Split(',').Select(_ => "=1"));
        var csv = header + "\n" + string.Concat(Enumerable.Repeat(bad + "\n", 1_500));
        var rows = await uploader.CountRowsAsync(app);

        var response = await uploader.PostAsync(endpoint, "bad.csv", Encoding.UTF8.GetBytes(csv));

        if (endpoint.Name == "facility import")
        {
            var import = await response.ReadAsync<ImportDto>();
            Assert.True(import.ProblemCount >= 1_500, $"{import.ProblemCount} problems counted");
            Assert.Equal(ProblemList.MaxKept, await app.WithDbAsync(db => db.Set<FacilityImportProblem>().CountAsync(p => p.ImportId == import.Id)));
            return;
        }

        // Homework imports answer with a ProblemDetails carrying the report, the others with the report itself.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(ProblemList.MaxKept, report.GetProperty("problems").GetArrayLength());
        Assert.True(report.GetProperty("problemCount").GetInt32() >= 1_500, report.GetProperty("problemCount").ToString());
        Assert.Equal(rows, await uploader.CountRowsAsync(app));
    }

    [Fact]
    public async Task A_questionnaire_of_many_problems_lists_the_first_thousand_and_counts_them_all()
    {
        var uploader = await Uploader.CreateAsync(app);
        var csv = "survey,type,name,label\n" + string.Concat(Enumerable.Range(1, 1_500).Select(i => $",=text,q{i},=Q\n"));
        var rows = await uploader.CountRowsAsync(app);

        var response = await uploader.PostAsync(UploadEndpoint.All.Single(e => e.Name == "XLSForm import"), "form.csv", Encoding.UTF8.GetBytes(csv));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The questionnaire has 3,000 problem(s), the first 1,000 listed: nothing was imported.", problem.GetProperty("detail").GetString());
        Assert.Equal(1_000, problem.GetProperty("errors").EnumerateObject().Sum(e => e.Value.GetArrayLength()));
        Assert.Equal(rows, await uploader.CountRowsAsync(app));
    }
}

public sealed class ImportLimitSpecsOnSqlite(SqliteApp app) : ImportLimitSpecs(app);

public sealed class ImportLimitSpecsOnPostgres(PostgresApp app) : ImportLimitSpecs(app);

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CommonThread.Tests.Infrastructure;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain.Imports;

namespace CommonThread.Tests.SupplyChain.Imports;

/// <summary>A brand of its own for one test, and the calls an importer makes.</summary>
public sealed record Importer(HttpClient Client, Guid OrganisationId)
{
    public static async Task<Importer> NewBrandAsync(TestApp app, OrganisationKind kind = OrganisationKind.Brand)
    {
        var (client, organisation) = await app.NewOrganisationClientAsync(kind);
        return new(client, organisation.Id);
    }

    public string Api => $"/api/organisations/{OrganisationId}";

    public Task<HttpResponseMessage> UploadAsync(string fileName, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return Client.PostAsync($"{Api}/imports", new MultipartFormDataContent { { file, "file", fileName } });
    }

    public async Task<ImportDto> PreviewAsync(string csv)
    {
        var response = await UploadAsync("facilities.csv", System.Text.Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<ImportDto>();
    }

    public async Task<List<ImportProblem>> ProblemsAsync(Guid importId) =>
        (await Client.GetFromJsonAsync<List<ImportProblem>>($"{Api}/imports/{importId}/problems?take=1000", Http.Json))!;

    /// <summary>Starts the import and waits for the background job to finish it.</summary>
    public async Task<ImportDto> RunAsync(Guid importId)
    {
        var started = await Client.PostAsync($"{Api}/imports/{importId}/start", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        // The job queue is shared by every spec running in parallel: on two busy cores an import can wait its
        // turn behind others' large files, so the bound is generous; it only stops a hung test.
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(5);
        ImportDto import;
        do
        {
            import = (await Client.GetFromJsonAsync<ImportDto>($"{Api}/imports/{importId}", Http.Json))!;
            if (import.Status is ImportStatus.Completed or ImportStatus.Failed)
            {
                return import;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        while (TimeProvider.System.GetUtcNow() < deadline);

        throw new TimeoutException($"The import did not finish within five minutes: {import.Status}, {import.Rows?.Stage}.");
    }

    /// <summary>Waits for the background worker to work out the preview: the import's row totals appear.</summary>
    public async Task<ImportDto> PlannedAsync(Guid importId)
    {
        // As RunAsync: the shared job queue may hold others' large files first.
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(5);
        do
        {
            var import = (await Client.GetFromJsonAsync<ImportDto>($"{Api}/imports/{importId}", Http.Json))!;
            if (import.Rows is not null)
            {
                return import;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        while (TimeProvider.System.GetUtcNow() < deadline);

        throw new TimeoutException("The preview was not worked out within five minutes.");
    }

    public async Task<ImportDto> ImportAsync(string csv) => await RunAsync((await PreviewAsync(csv)).Id);
}

public static class Unique
{
    /// <summary>A made-up word of letters only, so a test's facilities never match another test's.</summary>
    public static string Word() => new(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + (c % 26))).Prepend('Q').ToArray());
}

using System.Net;
using System.Text.RegularExpressions;
using CommonThread.Tests.Infrastructure;

namespace CommonThread.Tests.Grievances;

/// <summary>A worker with a browser that has no account: fills in the intake form and comes back with the receipt code.</summary>
public sealed partial class Reporter(TestApp app)
{
    public HttpClient Client { get; } = app.Anonymous();

    /// <summary>The intake form as the page serves it: its anti-forgery token, one-time submission id and secret nonce.</summary>
    public async Task<IntakeForm> OpenFormAsync(string channel)
    {
        var page = await Client.GetStringAsync($"/r/{channel}");
        return new(WebUtility.HtmlDecode(Field(page, "__RequestVerificationToken")), Field(page, "Input.SubmissionId"), Field(page, "Input.Nonce"));
    }

    public async Task<HttpResponseMessage> SendAsync(string channel, IntakeForm form, Dictionary<string, string> fields)
    {
        var all = new Dictionary<string, string>(fields)
        {
            ["_handler"] = "report", ["__RequestVerificationToken"] = form.Token, ["Input.SubmissionId"] = form.SubmissionId, ["Input.Nonce"] = form.Nonce,
        };
        return await Client.PostAsync($"/r/{channel}", new FormUrlEncodedContent(all));
    }

    /// <summary>The form as a browser sends it with files chosen: multipart.</summary>
    public async Task<HttpResponseMessage> SendWithFilesAsync(string channel, IntakeForm form, Dictionary<string, string> fields, params (string Name, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        var all = new Dictionary<string, string>(fields)
        {
            ["_handler"] = "report", ["__RequestVerificationToken"] = form.Token, ["Input.SubmissionId"] = form.SubmissionId, ["Input.Nonce"] = form.Nonce,
        };
        foreach (var (key, value) in all)
        {
            content.Add(new StringContent(value), key);
        }

        foreach (var (name, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), "Attachments", name);
        }

        return await Client.PostAsync($"/r/{channel}", content);
    }

    /// <summary>Files a report through the page and returns the page's answer and the receipt code on it.</summary>
    public async Task<(string Page, string Code)> ReportAsync(string channel, string text, string category = "WagesAndPayment", Dictionary<string, string>? more = null)
    {
        var form = await OpenFormAsync(channel);
        var fields = new Dictionary<string, string>(more ?? []) { ["Input.Category"] = category, ["Input.Text"] = text };
        fields.TryAdd("Input.Anonymous", "true");
        var response = await SendAsync(channel, form, fields);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (page, CodeOn(page));
    }

    public static string CodeOn(string page) => ReceiptCode().Match(page) is { Success: true } m ? m.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal) : "";

    public async Task<string> FollowUpAsync(string code)
    {
        var page = await Client.GetStringAsync("/follow-up");
        var token = WebUtility.HtmlDecode(Field(page, "__RequestVerificationToken"));
        var response = await Client.PostAsync("/follow-up", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "open", ["__RequestVerificationToken"] = token, ["Code"] = code,
        }));
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<HttpResponseMessage> ReplyAsync(string code, string text)
    {
        var opened = await FollowUpAsync(code);
        var token = WebUtility.HtmlDecode(Field(opened, "__RequestVerificationToken"));
        return await Client.PostAsync("/follow-up", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "reply", ["__RequestVerificationToken"] = token, ["Code"] = code, ["Text"] = text,
        }));
    }

    public async Task<string> RetaliateAsync(string code, string text)
    {
        var opened = await FollowUpAsync(code);
        var token = WebUtility.HtmlDecode(Field(opened, "__RequestVerificationToken"));
        var response = await Client.PostAsync("/follow-up", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "retaliation", ["__RequestVerificationToken"] = token, ["Code"] = code, ["SubmissionId"] = Field(opened, "SubmissionId"),
            ["Nonce"] = Field(opened, "Nonce"), ["Text"] = text,
        }));
        return await response.Content.ReadAsStringAsync();
    }

    public static string Field(string page, string name) =>
        Regex.Match(page, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value
        : Regex.Match(page, $"value=\"([^\"]*)\" name=\"{Regex.Escape(name)}\"") is { Success: true } m2 ? m2.Groups[1].Value
        : throw new InvalidOperationException($"no field {name} on the page");

    [GeneratedRegex("id=\"receipt-code\">([0-9 ]{19})<")]
    private static partial Regex ReceiptCode();
}

/// <summary>What a browser holds of an intake form it was served: sending these again is sending the same form.</summary>
public sealed record IntakeForm(string Token, string SubmissionId, string Nonce);

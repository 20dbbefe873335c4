using System.Text.RegularExpressions;
using CommonThread.Tests.Platform.Architecture;

namespace CommonThread.Tests.Platform.PageForms;

/// <summary>
/// A form a page offers, found in the page's source: a fixed name, or a family of names computed per
/// row ("comment-" + id), written with a trailing "*".
/// </summary>
public sealed record PageForm(string File, string Route, string Name)
{
    public bool IsFamily => Name.EndsWith('*');

    public bool Matches(string handler) => IsFamily ? handler.StartsWith(Name[..^1], StringComparison.Ordinal) : handler == Name;

    public override string ToString() => $"{Route} form '{Name}' ({File})";
}

/// <summary>Every form of every page under /o/{OrgId}, read from the .razor sources.</summary>
public static partial class PageFormSources
{
    public const string OrganisationRoutePrefix = "/o/{OrgId:guid}";

    public static IReadOnlyList<PageForm> Discover()
    {
        var forms = new List<PageForm>();
        foreach (var (path, lines) in WebApp.SourceFiles().Where(f => f.Path.EndsWith(".razor", StringComparison.Ordinal)))
        {
            var text = string.Join('\n', lines);
            var routes = Route().Matches(text).Select(m => m.Groups[1].Value)
                .Where(r => r.StartsWith(OrganisationRoutePrefix, StringComparison.Ordinal)).ToList();
            var written = FormNameAttribute().Matches(text);
            var names = written.Select(m => NameOf(m.Groups[1].Value) ?? throw new InvalidOperationException(
                $"{path}: cannot read the form name {m.Value}; teach {nameof(PageFormSources)} this way of writing it")).ToList();
            forms.AddRange(routes.SelectMany(route => names.Select(name => new PageForm(path, route, name))));
        }

        return forms;
    }

    /// <summary>"name", "@("prefix-" + id)" or "@($"prefix-{id}")" → "name" or "prefix-*"; null when unreadable.</summary>
    private static string? NameOf(string attribute)
    {
        if (!attribute.StartsWith('@'))
        {
            return attribute;
        }

        var family = ComputedName().Match(attribute);
        return family.Success ? family.Groups[1].Value + "*" : null;
    }

    [GeneratedRegex(@"@page\s+""([^""]+)""")]
    private static partial Regex Route();

    /// <summary>@formname on a plain form, FormName on an EditForm; the value up to the closing quote of the attribute.</summary>
    [GeneratedRegex(@"(?:@formname|\bFormName)=""((?:@\((?:[^()]|\([^()]*\))*\))|[^""]*)""")]
    private static partial Regex FormNameAttribute();

    [GeneratedRegex(@"^@\(\$?""([\w-]+?)(?:""\s*\+|\{)")]
    private static partial Regex ComputedName();
}

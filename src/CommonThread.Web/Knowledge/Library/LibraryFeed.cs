using System.Globalization;
using System.Text;
using System.Xml;
using CommonThread.Web.Platform.Geography;
using CommonThread.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace CommonThread.Web.Knowledge.Library;

/// <summary>
/// An Atom feed (RFC 4287) of the newest documents for a theme, a country or any other filter of the library, so
/// a union's or a ministry's feed reader follows what is published on what concerns it.
/// </summary>
public static class LibraryFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public const int Entries = 50;

    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <param name="words">The reader's language, for the feed's title: its theme and country in words, never as codes.</param>
    public static string Write(IReadOnlyList<LibraryEntry> entries, string origin, string self, LibraryQuery query, IStringLocalizer words)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("title", Atom, Title(query, words));
            xml.WriteElementString("id", Atom, self);
            xml.WriteStartElement("link", Atom);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("href", self);
            xml.WriteEndElement();
            xml.WriteStartElement("link", Atom);
            xml.WriteAttributeString("href", origin + "/library");
            xml.WriteEndElement();
            var updated = entries.Count == 0 ? DateOnly.MinValue : entries.Max(e => e.PublishedOn);
            xml.WriteElementString("updated", Atom, Stamp(updated));
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteStartElement("title", Atom);
                xml.WriteAttributeString("xml", "lang", null, entry.Language);
                xml.WriteString(entry.Title);
                xml.WriteEndElement();
                xml.WriteElementString("id", Atom, $"{origin}/library/{entry.Id}");
                xml.WriteStartElement("link", Atom);
                xml.WriteAttributeString("href", $"{origin}/library/{entry.Id}");
                xml.WriteEndElement();
                xml.WriteElementString("updated", Atom, Stamp(entry.PublishedOn));
                xml.WriteStartElement("author", Atom);
                xml.WriteElementString("name", Atom, entry.Publisher);
                xml.WriteEndElement();
                xml.WriteStartElement("summary", Atom);
                xml.WriteAttributeString("xml", "lang", null, entry.Language);
                xml.WriteString(entry.Summary);
                xml.WriteEndElement();
                foreach (var theme in entry.Themes)
                {
                    xml.WriteStartElement("category", Atom);
                    xml.WriteAttributeString("term", theme.ToString());
                    xml.WriteEndElement();
                }

                foreach (var country in entry.Countries)
                {
                    xml.WriteStartElement("category", Atom);
                    xml.WriteAttributeString("term", country);
                    xml.WriteAttributeString("scheme", "urn:iso:std:iso:3166");
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        // StringBuilder output declares utf-16; the feed is sent as UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static string Title(LibraryQuery query, IStringLocalizer words)
    {
        var parts = new List<string> { "CommonThread · " + words["Knowledge library"] };
        if (query.Theme is { } theme)
        {
            parts.Add(words.Label(theme));
        }

        if (query.Country is { } country)
        {
            parts.Add(Countries.NameOf(country));
        }

        return string.Join(" · ", parts);
    }

    private static string Stamp(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

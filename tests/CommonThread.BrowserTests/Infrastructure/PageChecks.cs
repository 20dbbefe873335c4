using System.Text.Json;
using Microsoft.Playwright;

namespace CommonThread.BrowserTests.Infrastructure;

/// <summary>
/// What every page must pass on a phone and on a desktop: no sideways scroll, every value of a list
/// labelled, and no serious or critical accessibility violation as axe-core (from npm, injected from
/// our own node_modules, never a CDN) sees them. Each check returns its problems as readable lines.
/// </summary>
public static class PageChecks
{
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    /// <summary>axe.min.js as `npm ci` (scripts/install-test-dependencies.sh) put it beside this project.</summary>
    public static string AxeScript
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "node_modules", "axe-core", "axe.min.js"));
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException("axe-core is missing: run `npm ci` in tests/CommonThread.BrowserTests (scripts/install-test-dependencies.sh does).", path);
        }
    }

    /// <summary>The page and the element reaching furthest right when the page is wider than the window.</summary>
    public static async Task<IReadOnlyList<string>> SidewaysScrollAsync(IPage page)
    {
        var widest = await page.EvaluateAsync<string?>(
            """
            () => {
              const width = window.innerWidth;
              if (document.documentElement.scrollWidth <= width) return null;
              let worst = null, right = width;
              for (const element of document.body.querySelectorAll('*')) {
                const r = element.getBoundingClientRect().right;
                if (r >= right && r > width) { right = r; worst = element; }
              }
              const name = e => e ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') : '?';
              const path = worst ? [worst.parentElement?.parentElement, worst.parentElement, worst].map(name).join(' > ') : '?';
              return `scrolls sideways: ${document.documentElement.scrollWidth}px in ${width}px; widest ${path} ends at ${Math.round(right)}px ("${(worst?.textContent ?? '').trim().slice(0, 40)}")`;
            }
            """);
        return widest is null ? [] : [widest];
    }

    /// <summary>
    /// Every cell of a list table carries its column's name (data-label) and, on a phone, shows it: the
    /// header row is hidden there, so an unlabelled value would be a bare "Yes" or "245.00".
    /// Row headers (th) are labels themselves; a cell spanning columns ("shown once five suppliers have
    /// reported") is a message that belongs to no one column.
    /// </summary>
    public static async Task<IReadOnlyList<string>> UnlabelledValuesAsync(IPage page) =>
        await page.EvaluateAsync<string[]>(
            """
            () => {
              const problems = [];
              document.querySelectorAll('table.list').forEach((table, t) => {
                for (const cell of table.querySelectorAll('tbody td')) {
                  if (cell.colSpan > 1) continue;
                  const label = (cell.getAttribute('data-label') ?? '').trim();
                  const value = cell.textContent.trim().replace(/\s+/g, ' ').slice(0, 40);
                  if (!label) { problems.push(`table ${t + 1}: a cell without data-label ("${value}")`); break; }
                  // Chromium reports content: attr(data-label) as written, not as the text it shows.
                  const before = getComputedStyle(cell, '::before');
                  if (['none', 'normal', '""'].includes(before.content) || before.display === 'none') { problems.push(`table ${t + 1}: label "${label}" not shown on a phone`); break; }
                }
              });
              return problems;
            }
            """);

    /// <summary>axe-core's serious and critical violations on the page as it is laid out now, as "rule: targets".</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Path = AxeScript });
        }

        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | ')}${v.nodes.length > 5 ? ` (+${v.nodes.length - 5} more)` : ''}`);
            }
            """);
        return [.. violations.EnumerateArray().Select(v => v.GetString()!)];
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;

namespace CommonThread.Tests.SupplyChain;

/// <summary>
/// The map library is served from copies committed under wwwroot/lib/leaflet, so the app runs where there is no
/// node. They may change only through src/CommonThread.Web/package.json: after `npm ci` there
/// (scripts/install-test-dependencies.sh), each copy equals the npm package's file byte for byte.
/// </summary>
public sealed partial class VendoredLeafletSpecs
{
    private static readonly string Web = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "CommonThread.Web"));

    private static readonly string Vendored = Path.Combine(Web, "wwwroot", "lib", "leaflet");

    private static string Package
    {
        get
        {
            var path = Path.Combine(Web, "node_modules", "leaflet");
            return Directory.Exists(path) ? path
                : throw new DirectoryNotFoundException($"{path} is missing: run `npm ci` in src/CommonThread.Web (scripts/install-test-dependencies.sh does).");
        }
    }

    /// <summary>Where each committed file comes from in the npm package.</summary>
    private static string SourceOf(string vendored) =>
        Path.GetFileName(vendored) == "LICENSE" ? Path.Combine(Package, "LICENSE") : Path.Combine(Package, "dist", Path.GetRelativePath(Vendored, vendored));

    [Fact]
    public void Every_committed_leaflet_file_is_byte_identical_to_the_npm_package_that_package_json_pins()
    {
        var files = Directory.GetFiles(Vendored, "*", SearchOption.AllDirectories);

        Assert.Contains(files, f => f.EndsWith("leaflet.js", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("leaflet.css", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("LICENSE", StringComparison.Ordinal));
        Assert.All(files, file =>
        {
            var source = SourceOf(file);
            Assert.True(File.Exists(source), $"{Path.GetRelativePath(Web, file)} is not in the npm package");
            Assert.True(File.ReadAllBytes(source).AsSpan().SequenceEqual(File.ReadAllBytes(file)), $"{Path.GetRelativePath(Web, file)} differs from {Path.GetRelativePath(Web, source)}");
        });
    }

    [Fact]
    public void Every_image_the_leaflet_stylesheet_names_is_committed_beside_it()
    {
        var css = File.ReadAllText(Path.Combine(Vendored, "leaflet.css"));

        var images = ImageUrl().Matches(css).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(images);
        Assert.All(images, image => Assert.True(File.Exists(Path.Combine(Vendored, image)), $"leaflet.css names {image}, not committed"));
    }

    [Fact]
    public void The_installed_package_is_the_version_package_json_and_its_lock_pin()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Web, "package.json")));
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(Web, "package-lock.json")));
        using var installed = JsonDocument.Parse(File.ReadAllText(Path.Combine(Package, "package.json")));

        var pinned = manifest.RootElement.GetProperty("devDependencies").GetProperty("leaflet").GetString();

        Assert.Matches(@"^\d+\.\d+\.\d+$", pinned);
        Assert.Equal(pinned, lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/leaflet").GetProperty("version").GetString());
        Assert.Equal(pinned, installed.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public void The_country_shapes_as_geojson_are_the_countries_the_svg_picture_draws()
    {
        var svg = File.ReadAllText(Path.Combine(Web, "wwwroot", "maps", "world.svg"));
        using var geo = JsonDocument.Parse(File.ReadAllText(Path.Combine(Web, "wwwroot", "maps", "world.geo.json")));

        var drawn = SvgTitle().Matches(svg).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();
        var shapes = geo.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();

        Assert.True(drawn.Count > 150, $"only {drawn.Count} countries in world.svg");
        Assert.Equal(drawn, shapes);
    }

    [GeneratedRegex(@"url\(([^)#""'][^)""']*)\)")]
    private static partial Regex ImageUrl();

    [GeneratedRegex(@"<title>([^<]*)</title>")]
    private static partial Regex SvgTitle();
}

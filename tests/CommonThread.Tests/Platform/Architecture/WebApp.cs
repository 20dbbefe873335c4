using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Platform.Architecture;

/// <summary>The web app's assembly and sources seen as features: which feature a type belongs to, which feature owns a table.</summary>
public static class WebApp
{
    public const string Platform = "Platform";

    /// <summary>Folders that compose features rather than being one: they may use any feature's types and tables.</summary>
    public static readonly string[] Composition = ["Operator", "Components", "Demo"];

    public static readonly Assembly Assembly = typeof(Program).Assembly;

    public static readonly IReadOnlyList<Type> Types = Assembly.GetTypes();

    /// <summary>src/CommonThread.Web in the checkout the tests were built from.</summary>
    public static string SourceFolder { get; } = FindSourceFolder();

    /// <summary>Each entity of the model (it has an EF configuration) with the feature that declares it.</summary>
    public static readonly IReadOnlyDictionary<Type, string> TableOwners = Types
        .SelectMany(t => t.GetInterfaces())
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
        .Select(i => i.GetGenericArguments()[0])
        .Distinct()
        .Where(t => FeatureOf(t) is not null)
        .ToDictionary(t => t, t => FeatureOf(t)!);

    /// <summary>
    /// The top folder (= second namespace part) of a type of the web app; "Program" for the composition
    /// root; null for types from elsewhere and for compiler-made types with no namespace.
    /// </summary>
    public static string? FeatureOf(Type type)
    {
        if (type.Assembly != Assembly)
        {
            return null;
        }

        if (type == typeof(Program))
        {
            return "Program";
        }

        var parts = (type.Namespace ?? "").Split('.');
        return parts is ["CommonThread", "Web", var feature, ..] ? feature : null;
    }

    /// <summary>Where a use was found, readable: the outer type and the method as written, not the compiler's state machine.</summary>
    public static string Describe(MethodBase method)
    {
        var type = method.DeclaringType!;
        var name = Written(method.Name);
        for (; type.DeclaringType is { } outer; type = outer)
        {
            if (type.Name.StartsWith('<'))
            {
                name = Written(type.Name);
            }
        }

        return $"{type.FullName}.{name}";
    }

    /// <summary>Source files (.cs, .razor) under the web app, paths relative to it with forward slashes.</summary>
    public static IEnumerable<(string Path, string[] Lines)> SourceFiles() =>
        Directory.EnumerateFiles(SourceFolder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(SourceFolder, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllLines(Path.Combine(SourceFolder, f))));

    private static string Written(string compiled) =>
        compiled.StartsWith('<') && compiled.IndexOf('>', StringComparison.Ordinal) is > 1 and var end ? compiled[1..end] : compiled;

    private static string FindSourceFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CommonThread.slnx")))
            {
                return Path.Combine(folder.FullName, "src", "CommonThread.Web");
            }
        }

        throw new InvalidOperationException($"No CommonThread.slnx above {AppContext.BaseDirectory}: the architecture tests read the sources.");
    }
}

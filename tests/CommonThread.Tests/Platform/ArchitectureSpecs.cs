using System.Reflection;
using System.Text.RegularExpressions;
using CommonThread.Tests.Platform.Architecture;
using CommonThread.Web.Organisations;
using CommonThread.Web.SupplyChain;
using Microsoft.EntityFrameworkCore;

namespace CommonThread.Tests.Platform;

/// <summary>
/// The dependency rules of the architecture (README, Developing): Platform names no feature; SupplyChain alone touches the
/// relationship tables; a feature reads another feature's tables only through that feature's services.
/// Read from the compiled assembly (signatures and IL) and from the sources, so neither a using nor a
/// fully qualified name nor a call inside a method body slips past.
/// </summary>
public sealed partial class ArchitectureSpecs
{
    /// <summary>Chain visibility (links, union presence, FoA facts and their sharing) is decided by SupplyChain alone.</summary>
    private static readonly Type[] RelationshipTables = [typeof(SupplyLink), typeof(UnionPresence), typeof(FoaFact), typeof(FoaShare)];

    /// <summary>
    /// Tables any feature may read directly, each with why. Nothing else crosses a feature line; a new
    /// cross-feature read fails the test until it goes through the owner's service or is argued for here.
    /// </summary>
    private static readonly Dictionary<Type, string> SharedReferenceTables = new()
    {
        [typeof(Organisation)] = "Names, kinds and countries of organisations are shown everywhere and grant nothing; " +
            "rights come from memberships and confirmed relationships, which are checked through AccessService and SupplyChainService.",
        [typeof(Facility)] = "The facility registry (name, address, country) is public reference data; whether an organisation may see a " +
            "facility's records is decided by SupplyChainService.FindVisibleAsync, never by reading the row.",
    };

    [Fact]
    public void Platform_names_no_feature_in_its_compiled_types()
    {
        var offenders = WebApp.Types
            .Where(t => WebApp.FeatureOf(t) == WebApp.Platform && t.DeclaringType is null)
            .SelectMany(t => TypeReferences.Named(t)
                .Where(named => WebApp.FeatureOf(named) is { } feature && feature != WebApp.Platform)
                .Select(named => $"{t.FullName} names {named.FullName}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offenders.Count == 0,
            "Platform must not depend on a feature (invert it with an interface in Platform, or move the code to the feature or the Shell):\n" + string.Join("\n", offenders));
    }

    /// <summary>Guards the guard: the operator CLI asks the container for AccountService only inside a method body.</summary>
    [Fact]
    public void The_reference_reader_sees_types_named_only_inside_method_bodies()
    {
        var named = TypeReferences.Named(typeof(CommonThread.Web.Operator.OperatorCli)).ToList();

        Assert.Contains(typeof(CommonThread.Web.Account.AccountService), named);
        Assert.Contains(typeof(Membership), named);
    }

    [Fact]
    public void Platform_sources_name_no_feature_namespace()
    {
        var offenders = WebApp.SourceFiles()
            .Where(f => f.Path.StartsWith(WebApp.Platform + "/", StringComparison.Ordinal))
            .SelectMany(f => f.Lines.Select((line, i) => (f.Path, Line: i + 1, Match: FeatureNamespace().Match(line))))
            .Where(hit => hit.Match.Success)
            .Select(hit => $"{hit.Path}:{hit.Line}: {hit.Match.Value}")
            .ToList();

        Assert.True(offenders.Count == 0, "Platform sources name a feature:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Only_SupplyChain_queries_or_creates_relationship_rows_in_its_sources()
    {
        var offenders = WebApp.SourceFiles()
            .Where(f => !f.Path.StartsWith("SupplyChain/", StringComparison.Ordinal) && !f.Path.StartsWith("Demo/", StringComparison.Ordinal))
            .SelectMany(f => f.Lines.Select((line, i) => (f.Path, Line: i + 1, Match: RelationshipTableUse().Match(line))))
            .Where(hit => hit.Match.Success)
            .Select(hit => $"{hit.Path}:{hit.Line}: {hit.Match.Value}")
            .ToList();

        Assert.True(offenders.Count == 0,
            "Supply links, union presence and FoA facts/shares are SupplyChain's: go through SupplyChainService, ChainRelations, UnionPresences, BrandsAbove or FoaProfileService:\n"
            + string.Join("\n", offenders));
    }

    [Fact]
    public void Only_SupplyChain_queries_or_creates_relationship_rows_in_its_compiled_code()
    {
        var offenders = Uses(t => WebApp.FeatureOf(t) is { } f && f != "SupplyChain" && f != "Demo")
            .Where(use => use.Member switch
            {
                ConstructorInfo c => RelationshipTables.Contains(c.DeclaringType),
                MethodInfo { IsGenericMethod: true } m => IsEntityFrameworkOrQueryable(m.DeclaringType!)
                    && m.GetGenericArguments().SelectMany(TypeReferences.Unfolded).Any(RelationshipTables.Contains),
                _ => false,
            })
            .Select(use => $"{WebApp.Describe(use.In)} uses {Signature(use.Member)}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offenders.Count == 0, "Relationship rows touched outside SupplyChain:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void A_feature_reads_another_features_tables_only_through_its_services()
    {
        var reads = CrossFeatureTableReads();
        var offenders = reads.Where(r => !SharedReferenceTables.ContainsKey(r.Table))
            .Select(r => $"{r.Where} reads {WebApp.TableOwners[r.Table]}'s {r.Table.Name}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offenders.Count == 0,
            $"{offenders.Count} cross-feature table read(s): call the owning feature's service, or add the table to SharedReferenceTables with a reason:\n"
            + string.Join("\n", offenders));
    }

    [Fact]
    public void Every_shared_reference_table_is_still_read_across_features_and_has_a_reason()
    {
        var readAcross = CrossFeatureTableReads().Select(r => r.Table).ToHashSet();
        Assert.All(SharedReferenceTables, entry =>
        {
            Assert.True(readAcross.Contains(entry.Key), $"{entry.Key.Name} is no longer read across features: remove it from SharedReferenceTables");
            Assert.True(entry.Value.Length > 40, $"{entry.Key.Name} needs a reason");
        });
    }

    /// <summary>Every DbContext.Set/Find/Add/Entry… of an entity declared by another feature, from feature code (not Platform, not the composition folders).</summary>
    private static List<(string Where, Type Table)> CrossFeatureTableReads() =>
        Uses(t => WebApp.FeatureOf(t) is { } f && f != WebApp.Platform && f != "Program" && !WebApp.Composition.Contains(f))
            .SelectMany(use => use.Member is MethodInfo { IsGenericMethod: true } m && typeof(DbContext).IsAssignableFrom(m.DeclaringType)
                ? m.GetGenericArguments().Where(WebApp.TableOwners.ContainsKey)
                    .Where(table => WebApp.TableOwners[table] != WebApp.FeatureOf(use.In.DeclaringType!))
                    .Select(table => (WebApp.Describe(use.In), table))
                : [])
            .ToList();

    private static IEnumerable<TypeReferences.Use> Uses(Func<Type, bool> inTypes) =>
        WebApp.Types.Where(inTypes).SelectMany(TypeReferences.Bodies).SelectMany(TypeReferences.Uses);

    private static bool IsEntityFrameworkOrQueryable(Type type) =>
        type == typeof(Queryable) || (type.Namespace ?? "").StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal);

    private static string Signature(MemberInfo member) => member switch
    {
        MethodInfo m => $"{m.DeclaringType!.Name}.{m.Name}<{string.Join(", ", m.GetGenericArguments().Select(a => a.Name))}>",
        _ => $"new {member.DeclaringType!.Name}",
    };

    /// <summary>A using, or a fully qualified name, of any CommonThread.Web namespace but Platform's.</summary>
    [GeneratedRegex(@"\bCommonThread\.Web\.(?!Platform\b)[A-Z]\w*")]
    private static partial Regex FeatureNamespace();

    /// <summary>Set&lt;T&gt; (plain or fully qualified) or new T for a relationship table.</summary>
    [GeneratedRegex(@"(\bSet<\s*(?:[\w.]+\.)?|\bnew\s+(?:[\w.]+\.)?)(SupplyLink|UnionPresence|FoaFact|FoaShare)\b")]
    private static partial Regex RelationshipTableUse();
}

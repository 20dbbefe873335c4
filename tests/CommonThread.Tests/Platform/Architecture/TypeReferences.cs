using System.Reflection;
using System.Reflection.Emit;

namespace CommonThread.Tests.Platform.Architecture;

/// <summary>
/// What a type names: its signatures (base types, fields, properties, events, method and constructor
/// parameters, locals) and every type, field and method its method bodies use, read from the IL.
/// Signatures alone would miss a <c>GetRequiredService&lt;FeatureService&gt;()</c> inside a method.
/// </summary>
public static class TypeReferences
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>A member a method body uses, with the method it is used in.</summary>
    public sealed record Use(MethodBase In, MemberInfo Member);

    /// <summary>
    /// Every type the type and its nested types name (async methods and lambdas live in nested types
    /// the compiler makes), generic arguments and element types unfolded.
    /// </summary>
    public static IEnumerable<Type> Named(Type type) =>
        type.GetNestedTypes(Declared).SelectMany(Named).Concat(NamedByItself(type)).Distinct();

    private static IEnumerable<Type> NamedByItself(Type type)
    {
        var named = new List<Type?> { type.BaseType };
        named.AddRange(type.GetInterfaces());
        named.AddRange(type.GetFields(Declared).Select(f => f.FieldType));
        named.AddRange(type.GetProperties(Declared).Select(p => p.PropertyType));
        named.AddRange(type.GetEvents(Declared).Select(e => e.EventHandlerType));
        foreach (var method in Bodies(type))
        {
            named.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                named.Add(info.ReturnType);
            }

            named.AddRange(method.GetMethodBody()?.LocalVariables.Select(l => l.LocalType) ?? []);
            foreach (var use in Uses(method))
            {
                named.AddRange(TypesOf(use.Member));
            }
        }

        return named.OfType<Type>().SelectMany(Unfolded);
    }

    /// <summary>The methods and constructors declared on the type (not nested types: callers walk those).</summary>
    public static IEnumerable<MethodBase> Bodies(Type type) =>
        type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared));

    /// <summary>The fields, methods and types the method's IL refers to.</summary>
    public static IEnumerable<Use> Uses(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[at + 1])] : OpCodesByValue[il[at]];
            at += code.Size;
            if (code.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok
                && Resolve(method.Module, BitConverter.ToInt32(il, at), typeArguments, methodArguments) is { } member)
            {
                yield return new Use(method, member);
            }

            at += OperandSize(code, il, at);
        }
    }

    /// <summary>A type with its generic arguments and element types, each unfolded the same way.</summary>
    public static IEnumerable<Type> Unfolded(Type type)
    {
        yield return type;
        var inner = type.HasElementType ? [type.GetElementType()!] : type.IsGenericType ? type.GetGenericArguments() : [];
        foreach (var part in inner.SelectMany(Unfolded))
        {
            yield return part;
        }
    }

    private static IEnumerable<Type> TypesOf(MemberInfo member) => member switch
    {
        Type type => [type],
        FieldInfo field => [field.DeclaringType!, field.FieldType],
        MethodInfo method => [method.DeclaringType!, method.ReturnType, .. method.GetParameters().Select(p => p.ParameterType),
            .. method.IsGenericMethod ? method.GetGenericArguments() : []],
        ConstructorInfo constructor => [constructor.DeclaringType!, .. constructor.GetParameters().Select(p => p.ParameterType)],
        _ => [],
    };

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            return null; // a token of another kind than its opcode says (never seen in compiler output)
        }
    }

    private static int OperandSize(OpCode code, byte[] il, int at) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}

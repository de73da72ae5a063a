using System.Reflection;
using System.Reflection.Emit;

namespace Chezlepro.Collector.Tests.Architecture;

/// <summary>
/// Which collector folders (namespaces under <c>Chezlepro.Collector</c>, first segment) use which, read from the
/// compiled assembly: signatures (base types, interfaces, fields, properties, parameters, return types, attributes)
/// and every type, method and field a method body names (its IL), compiler-made types (lambdas, async state machines)
/// counted for the folder of the type that holds them.
/// </summary>
internal static class FolderDependencies
{
    private const string Root = "Chezlepro.Collector";
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The folder of a namespace: <c>Storage</c> for <c>Chezlepro.Collector.Storage.Sqlite</c>, null outside the collector.</summary>
    public static string? FolderOf(string? ns) =>
        ns is null || !(ns == Root || ns.StartsWith(Root + ".", StringComparison.Ordinal)) ? null
        : ns == Root ? "" : ns[(Root.Length + 1)..].Split('.')[0];

    /// <summary>For every (folder, used folder) pair, the first pair of types that shows it (for messages).</summary>
    public static IReadOnlyDictionary<(string From, string To), string> Edges(Assembly assembly, Func<string?, bool>? fromNamespace = null)
    {
        var edges = new Dictionary<(string, string), string>();
        foreach (var type in assembly.GetTypes())
        {
            if (FolderOf(type.Namespace) is not { } from || (fromNamespace is not null && !fromNamespace(type.Namespace))) continue;
            foreach (var used in Uses(type))
            {
                if (FolderOf(used.Namespace) is { } to && to != from) edges.TryAdd((from, to), $"{type.FullName} uses {used.FullName}");
            }
        }
        return edges;
    }

    /// <summary>One path per cycle found (first folder repeated at the end), empty when the graph has none.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IEnumerable<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Order(StringComparer.Ordinal).ToList());
        var cycles = new List<IReadOnlyList<string>>();
        var done = new HashSet<string>();
        foreach (var start in next.Keys.Order(StringComparer.Ordinal))
        {
            // Shortest way back to the start through folders not yet reported (breadth first, so the path is short).
            var back = new Dictionary<string, string> { [start] = start };
            var queue = new Queue<string>([start]);
            List<string>? found = null;
            while (found is null && queue.TryDequeue(out var at))
            {
                foreach (var to in next.GetValueOrDefault(at, []))
                {
                    if (to == start)
                    {
                        found = [start];
                        for (var n = at; n != start; n = back[n]) found.Insert(1, n);
                        found.Add(start);
                        break;
                    }
                    if (!done.Contains(to) && back.TryAdd(to, at)) queue.Enqueue(to);
                }
            }
            if (found is not null) cycles.Add(found);
            done.Add(start);
        }
        return cycles;
    }

    private static IEnumerable<Type> Uses(Type type)
    {
        var found = new List<Type>();
        found.Add(type.BaseType!);
        found.AddRange(type.GetInterfaces());
        found.AddRange(type.GetCustomAttributesData().Select(a => a.AttributeType));
        foreach (var f in type.GetFields(All)) found.Add(f.FieldType);
        foreach (var p in type.GetProperties(All)) found.Add(p.PropertyType);
        foreach (var m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (m is MethodInfo mi) found.Add(mi.ReturnType);
            found.AddRange(m.GetParameters().Select(p => p.ParameterType));
            found.AddRange(m.GetCustomAttributesData().Select(a => a.AttributeType));
            found.AddRange(BodyUses(m));
        }
        return found.Where(t => t is not null).SelectMany(Expand);
    }

    /// <summary>A type with its element and generic argument types (<c>IOptions&lt;NocOptions&gt;</c> names NocOptions).</summary>
    private static IEnumerable<Type> Expand(Type t)
    {
        if (t.HasElementType)
        {
            foreach (var e in Expand(t.GetElementType()!)) yield return e;
            yield break;
        }
        if (t.IsGenericParameter) yield break;
        yield return t;
        if (!t.IsGenericType) yield break;
        foreach (var a in t.GetGenericArguments())
            foreach (var e in Expand(a)) yield return e;
    }

    private static IEnumerable<Type> BodyUses(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        foreach (var local in method.GetMethodBody()!.LocalVariables) yield return local.LocalType;
        var typeArgs = method.DeclaringType!.IsGenericType ? method.DeclaringType.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            var op = OpCodesByValue[value];
            i += op.Size;
            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                    if (member is Type t) yield return t;
                    else if (member is not null)
                    {
                        yield return member.DeclaringType!;
                        if (member is MethodInfo { IsGenericMethod: true } gm) foreach (var a in gm.GetGenericArguments()) yield return a;
                    }
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                default:
                    i += OperandSize(op.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType type) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}

using ArchUnitNET.Domain;

namespace Bridge.Tests.Architecture;

/// <summary>
/// Finds namespaces that depend on each other in a circle and names each circle as a path, <c>A → B → A</c>,
/// with the type dependency behind every step.
/// </summary>
public static class NamespaceCycles
{
    public static IReadOnlyList<string> Find(string rootNamespace)
    {
        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (type, targets) in BridgeArchitecture.TypesUnder(rootNamespace))
        {
            var from = type.Namespace?.FullName ?? "";
            foreach (var target in targets)
            {
                var to = target.Namespace?.FullName ?? "";
                if (to == from || !BridgeArchitecture.InNamespace(to, rootNamespace)) continue;
                var outgoing = edges.TryGetValue(from, out var o) ? o : edges[from] = new(StringComparer.Ordinal);
                outgoing.TryAdd(to, $"{Short(type)} uses {Short(target)}");
            }
        }

        var cycles = new List<string>();
        foreach (var component in StronglyConnected(edges).Where(c => c.Count > 1))
        {
            var start = component.Order(StringComparer.Ordinal).First();
            var path = PathBack(start, component, edges);
            var steps = path.Zip(path.Skip(1), (a, b) => $"{a} → {b} ({edges[a][b]})");
            cycles.Add(string.Join(" → ", path) + Environment.NewLine + "    " + string.Join(Environment.NewLine + "    ", steps)
                + Environment.NewLine + $"    (all {component.Count} in this circle: {string.Join(", ", component.Order(StringComparer.Ordinal))})");
        }

        return cycles;
    }

    private static string Short(IType type) => type.FullName.Split('`')[0];

    /// <summary>Shortest path from <paramref name="start"/> back to itself inside one strongly connected component.</summary>
    private static List<string> PathBack(string start, HashSet<string> component, Dictionary<string, Dictionary<string, string>> edges)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in edges.GetValueOrDefault(node)?.Keys.Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>())
            {
                if (!component.Contains(next)) continue;
                if (next == start)
                {
                    var path = new List<string> { start };
                    for (var at = node; at != start; at = previous[at]) path.Insert(1, at);
                    path.Add(start);
                    return path;
                }

                if (previous.TryAdd(next, node)) queue.Enqueue(next);
            }
        }

        return [start, start];
    }

    private static List<HashSet<string>> StronglyConnected(Dictionary<string, Dictionary<string, string>> edges)
    {
        // Tarjan's algorithm.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<HashSet<string>>();
        var counter = 0;

        void Visit(string node)
        {
            index[node] = low[node] = counter++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in edges.GetValueOrDefault(node)?.Keys ?? Enumerable.Empty<string>())
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] != index[node]) return;
            var component = new HashSet<string>(StringComparer.Ordinal);
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != node);
            result.Add(component);
        }

        foreach (var node in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node)) Visit(node);
        }

        return result;
    }
}

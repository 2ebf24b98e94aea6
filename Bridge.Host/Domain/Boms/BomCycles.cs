namespace Bridge.Host.Domain.Boms;

/// <summary>Finds a cycle in parent → component edges (every row, whatever its validity) and names it: <c>A → B → C → A</c>.</summary>
internal static class BomCycles
{
    /// <param name="children">Per node index, the indexes of its components.</param>
    /// <returns>The cycle's node indexes, first node repeated at the end, or null when there is none.</returns>
    public static IReadOnlyList<int>? Find(IReadOnlyList<int[]> children)
    {
        // 0 unvisited, 1 on the current path, 2 done. Iterative: a 50,000-row chain must not overflow the stack.
        var state = new byte[children.Count];
        var path = new List<int>();
        var next = new Stack<int>();
        for (var root = 0; root < children.Count; root++)
        {
            if (state[root] != 0)
            {
                continue;
            }

            state[root] = 1;
            path.Add(root);
            next.Push(0);
            while (path.Count > 0)
            {
                var node = path[^1];
                var i = next.Pop();
                if (i == children[node].Length)
                {
                    state[node] = 2;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                next.Push(i + 1);
                var child = children[node][i];
                if (state[child] == 1)
                {
                    var cycle = path.Skip(path.LastIndexOf(child)).ToList();
                    cycle.Add(child);
                    return cycle;
                }

                if (state[child] == 0)
                {
                    state[child] = 1;
                    path.Add(child);
                    next.Push(0);
                }
            }
        }

        return null;
    }
}

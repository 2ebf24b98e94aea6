using System.Text.Json;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Paths;

/// <summary>
/// A path resolved at load time. <see cref="First"/> is the value in a scalar context (the first match in
/// document order, found depth-first without building lists on the common JSON route); <see cref="All"/> is every match.
/// </summary>
internal sealed class CompiledPath
{
    private readonly Func<EvalContext, object?> _start;
    private readonly CompiledStep[] _steps;

    private static readonly List<object?> NoMatches = [];
    private readonly bool _plainChildren;

    public CompiledPath(Func<EvalContext, object?> start, CompiledStep[] steps)
    {
        _start = start;
        _steps = steps;
        _plainChildren = steps.All(s => s.Kind == StepKind.Child && s.Predicates.Length == 0);
    }

    public object? First(EvalContext context)
    {
        var start = _start(context);
        return start is JsonElement json ? FirstJson(json, 0, context) : FirstFrom(start, 0, context);
    }

    /// <summary>Every match; an empty result may be a shared list, so callers only read it.</summary>
    public List<object?> All(EvalContext context)
    {
        var start = _start(context);
        if (_plainChildren && start is JsonElement json)
        {
            var found = new List<object?>();
            CollectJson(json, 0, found);
            return found.Count == 0 ? NoMatches : found;
        }
        var current = new List<object?>(start is List<object?> list ? list.Count : 0);
        Navigator.AddUnwrapped(start, current);
        foreach (var step in _steps)
        {
            var next = new List<object?>();
            var candidates = new List<object?>();
            foreach (var node in current)
            {
                candidates.Clear();
                Navigator.Step(node, step, candidates);
                foreach (var predicate in step.Predicates) predicate.Apply(candidates, context);
                next.AddRange(candidates);
            }
            current = next;
        }
        return current;
    }

    /// <summary>Every match of plain child steps over JSON, depth-first, without intermediate lists.</summary>
    private void CollectJson(JsonElement json, int index, List<object?> into)
    {
        if (json.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in json.EnumerateArray()) CollectJson(item, index, into);
            return;
        }
        if (index == _steps.Length)
        {
            if (Values.FromJson(json) is { } value) into.Add(value);
            return;
        }
        if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty(_steps[index].Utf8Name, out var child)) CollectJson(child, index + 1, into);
    }

    private object? FirstFrom(object? node, int index, EvalContext context)
    {
        if (node is JsonElement json) return FirstJson(json, index, context);
        if (index == _steps.Length)
        {
            return node is List<object?> list ? (list.Count == 0 ? null : list[0]) : node;
        }
        if (node is null) return null;
        // A CSV record or metadata: a named text per plain child step, found without a list of candidates per step.
        if (node is IReadOnlyDictionary<string, string> map && _steps[index] is { Kind: StepKind.Child, Predicates.Length: 0 } child)
        {
            return map.TryGetValue(child.Name!, out var text) ? FirstFrom(text, index + 1, context) : null;
        }
        return FirstOfCandidates(node, index, context);
    }

    private object? FirstJson(JsonElement json, int index, EvalContext context)
    {
        if (json.ValueKind == JsonValueKind.Array && (index == _steps.Length || _steps[index].Kind != StepKind.Self))
        {
            foreach (var item in json.EnumerateArray())
            {
                var found = FirstJson(item, index, context);
                if (found is not null) return found;
            }
            return null;
        }
        if (index == _steps.Length) return Values.FromJson(json);
        var step = _steps[index];
        if (step.Kind == StepKind.Child && step.Predicates.Length == 0)
        {
            if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty(step.Utf8Name, out var child)) return null;
            return FirstJson(child, index + 1, context);
        }
        return FirstOfCandidates(json, index, context);
    }

    private object? FirstOfCandidates(object node, int index, EvalContext context)
    {
        var step = _steps[index];
        var candidates = new List<object?>();
        Navigator.Step(node, step, candidates);
        foreach (var predicate in step.Predicates) predicate.Apply(candidates, context);
        foreach (var candidate in candidates)
        {
            var found = FirstFrom(candidate, index + 1, context);
            if (found is not null) return found;
        }
        return null;
    }
}

using System.Buffers;
using System.Globalization;
using System.Xml.Linq;
using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Documents;
using Bridge.Mappings.Functions;
using Bridge.Mappings.Paths;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Expressions;

/// <summary>
/// Turns a parsed expression into delegates once, at load. Names (functions, tables, namespace prefixes,
/// variables) are resolved here and every problem is reported with its offset; nothing is looked up per message.
/// </summary>
internal sealed class ExpressionCompiler
{
    private static readonly string[] BuiltinVariables = ["root", "parent", "index", "meta", "value", "item"];
    private readonly string _text;
    private readonly CompileScope _scope;
    private readonly CompileError _error;
    private bool _failed;
    private bool _itemDependent;
    private Type? _currentType;

    private ExpressionCompiler(string text, CompileScope scope, CompileError error)
    {
        _text = text;
        _scope = scope;
        _error = error;
        _currentType = scope.ItemType;
    }

    /// <summary>Compiles <paramref name="text"/>; returns null (after reporting every problem) when it is invalid.</summary>
    public static CompiledExpr? Compile(string text, CompileScope scope, CompileError error)
    {
        ExprNode node;
        try
        {
            node = ExpressionParser.Parse(text);
        }
        catch (ExpressionSyntaxException ex)
        {
            error(ex.Position, $"syntax error in expression '{text.Trim()}': {ex.Message}");
            return null;
        }
        var compiler = new ExpressionCompiler(text, scope, error);
        var compiled = compiler.CompileNode(node);
        return compiler._failed ? null : compiled;
    }

    private void Error(int offset, string message)
    {
        _failed = true;
        _error(offset, message);
    }

    private string TextOf(ExprNode node) => _text[node.Pos..Math.Min(Math.Max(node.End, node.Pos), _text.Length)].Trim();

    private CompiledExpr CompileNode(ExprNode node) => node switch
    {
        LiteralNode literal => Constant(literal.Value, TextOf(node)),
        PathNode path => CompilePath(path),
        UnaryNode unary => CompileUnary(unary),
        BinaryNode binary => CompileBinary(binary),
        ConditionalNode conditional => CompileConditional(conditional),
        CallNode call => CompileCall(call),
        _ => throw new InvalidOperationException($"unknown node {node.GetType().Name}"),
    };

    public static CompiledExpr Constant(object? value, string text) => new()
    {
        Eval = _ => value,
        All = _ => CompiledExpr.Single(value),
        Type = TypeOfValue(value),
        Text = text,
        IsConstant = true,
        Constant = value,
    };

    private static ExprType TypeOfValue(object? value) => value switch
    {
        null => ExprType.Null,
        string => ExprType.String,
        decimal => ExprType.Number,
        bool => ExprType.Bool,
        DateTimeOffset => ExprType.DateTime,
        DateOnly => ExprType.Date,
        _ => ExprType.Any,
    };

    private CompiledExpr CompilePath(PathNode node)
    {
        var text = TextOf(node);
        Func<EvalContext, object?> start;
        var type = ExprType.Any;
        switch (node.Start)
        {
            case PathStart.Root:
                start = c => c.Root;
                break;
            case PathStart.Current:
                start = c => c.Current;
                break;
            default:
                start = ResolveVariable(node, ref type);
                break;
        }
        var canonical = node.Start switch
        {
            PathStart.Root => _scope.RootType,
            PathStart.Current => _currentType,
            _ => node.Variable switch { "root" => _scope.RootType, "item" => _currentType, _ => null },
        };
        var fromDocument = node.Start == PathStart.Root
            || node.Start == PathStart.Current && _scope.DocumentLevel
            || node.Start == PathStart.Variable && node.Variable is "root" or "value" && !_scope.Variables.ContainsKey(node.Variable);
        if (node.Start == PathStart.Variable && node.Variable == "parent" && !_scope.Variables.ContainsKey("parent")) _scope.Access.ClimbsUp = true;
        var outerDependent = _itemDependent;
        _itemDependent = false;
        var steps = new CompiledStep[node.Steps.Count];
        for (var i = 0; i < steps.Length; i++)
        {
            if (node.Steps[i].Kind == StepKind.Parent) _scope.Access.ClimbsUp = true;
            canonical = CanonicalShape.Step(canonical, node.Steps[i], (pos, message) => Error(pos, message));
            var outer = _currentType;
            _currentType = canonical;
            steps[i] = CompileStep(node.Steps[i]);
            _currentType = outer;
        }
        if (steps.Length > 0) type = ExprType.Any;
        var path = new CompiledPath(start, steps);
        Func<EvalContext, object?> first = path.First;
        Func<EvalContext, List<object?>> all = path.All;
        if (fromDocument && _scope.Format != SourceFormat.Canonical)
        {
            _scope.Access.DocumentPaths.Add(steps);
            if (!_itemDependent && steps.Length > 0 && node.Start != PathStart.Current)
            {
                // An absolute path gives the same for every split item: computed once per document.
                var slot = _scope.Access.CacheSlots.Next();
                first = c => c.Cache.First(slot, () => path.First(c));
                all = c => c.Cache.All(slot, () => path.All(c));
            }
        }
        _itemDependent |= outerDependent;
        var compiled = new CompiledExpr
        {
            Eval = first,
            All = all,
            Type = type,
            Text = text,
            CanonicalType = canonical,
            BareName = node.Start == PathStart.Current && node.Steps.Count == 1 && node.Steps[0] is { Kind: StepKind.Child, Prefix: null, Predicates.Count: 0 } only ? only.Name : null,
        };
        if (fromDocument) _scope.Access.BarePaths[compiled] = steps;
        return compiled;
    }

    private Func<EvalContext, object?> ResolveVariable(PathNode node, ref ExprType type)
    {
        var name = node.Variable!;
        if (name is not ("root" or "meta" or "value" or "index")) _itemDependent = true;
        if (_scope.Variables.TryGetValue(name, out var slot)) return c => c.Variables[slot];
        switch (name)
        {
            case "root":
                return c => c.Root;
            case "item":
                return c => c.Current;
            case "parent":
                return c => c.Parent?.Current;
            case "index":
                type = ExprType.Number;
                return c => (decimal)c.Index;
            case "meta":
                return c => c.Metadata;
            case "value":
                return c => c.Root;
        }
        var known = string.Join(", ", BuiltinVariables.Concat(_scope.Variables.Keys).Select(v => "$" + v));
        Error(node.Pos, $"unknown variable '${name}'; expected one of {known}");
        return _ => null;
    }

    private CompiledStep CompileStep(PathStepNode step)
    {
        XName? xmlName = null;
        if (step.Prefix is not null)
        {
            if (_scope.Format != SourceFormat.Xml)
            {
                Error(step.Pos, $"'{step.Prefix}:{step.Name}' has a namespace prefix, which only XML mappings use; write ['{step.Prefix}:{step.Name}'] for a key containing ':'");
            }
            else if (!_scope.Namespaces.TryGetValue(step.Prefix, out var ns))
            {
                var declared = _scope.Namespaces.Count == 0 ? "none is declared" : "declared: " + string.Join(", ", _scope.Namespaces.Keys);
                Error(step.Pos, $"namespace prefix '{step.Prefix}' is not declared under namespaces: ({declared})");
            }
            else
            {
                xmlName = ns + step.Name!;
            }
        }
        else if (step.Name is not null && step.Name != "*" && _scope.Format == SourceFormat.Xml && step.Kind != StepKind.Attribute && _scope.DefaultNamespace is not null)
        {
            xmlName = _scope.DefaultNamespace + step.Name;
        }
        if (step.Kind == StepKind.Parent && _scope.Format != SourceFormat.Xml)
        {
            Error(step.Pos, "the parent step '..' works in XML mappings only; use $parent for the enclosing item of an iteration");
        }
        var predicates = step.Predicates.Select(p => new CompiledPredicate
        {
            Index = p.Index,
            Filter = p.Filter is null ? null : CompileNode(p.Filter).Eval,
        }).ToArray();
        return new CompiledStep { Kind = step.Kind, Name = step.Name, XmlName = xmlName, Predicates = predicates };
    }

    private CompiledExpr CompileUnary(UnaryNode node)
    {
        var operand = CompileNode(node.Operand);
        var text = TextOf(node);
        if (node.Op == "not")
        {
            var eval = operand.Eval;
            return Make(c => Values.Box(!Values.Truthy(eval(c))), ExprType.Bool, text);
        }
        RequireNumber(operand, node.Operand, "'-'");
        var negate = operand.Eval;
        var source = operand.Text;
        return Make(c => negate(c) is { } v ? -Values.ToDecimal(v, source) : null, ExprType.Number, text);
    }

    private CompiledExpr CompileBinary(BinaryNode node)
    {
        if (node.Op == "&") return CompileConcat(node);
        var left = CompileNode(node.Left);
        var right = CompileNode(node.Right);
        var l = left.Eval;
        var r = right.Eval;
        var text = TextOf(node);
        var lText = left.Text;
        var rText = right.Text;
        switch (node.Op)
        {
            case "and":
                return Make(c => Values.Box(Values.Truthy(l(c)) && Values.Truthy(r(c))), ExprType.Bool, text);
            case "or":
                return Make(c => Values.Box(Values.Truthy(l(c)) || Values.Truthy(r(c))), ExprType.Bool, text);
            case "??":
                var lAll = left.All;
                var rAll = right.All;
                return new CompiledExpr
                {
                    Eval = c => l(c) is var v && !Values.IsMissing(v) ? v : r(c),
                    All = c => lAll(c) is { Count: > 0 } many ? many : rAll(c),
                    Type = left.Type == right.Type ? left.Type : (left.Type == ExprType.Any ? right.Type : ExprType.Any),
                    Text = text,
                };
            case "==":
                return Make(c => Values.Box(Values.ValueEquals(l(c), r(c))), ExprType.Bool, text);
            case "!=":
                return Make(c => Values.Box(!Values.ValueEquals(l(c), r(c))), ExprType.Bool, text);
            case "<":
                return Make(c => Values.Box(Values.Compare(l(c), r(c), text) < 0), ExprType.Bool, text);
            case "<=":
                return Make(c => Values.Box(Values.Compare(l(c), r(c), text) <= 0), ExprType.Bool, text);
            case ">":
                return Make(c => Values.Box(Values.Compare(l(c), r(c), text) > 0), ExprType.Bool, text);
            case ">=":
                return Make(c => Values.Box(Values.Compare(l(c), r(c), text) >= 0), ExprType.Bool, text);
        }
        RequireNumber(left, node.Left, $"'{node.Op}'");
        RequireNumber(right, node.Right, $"'{node.Op}'");
        Func<decimal, decimal, decimal> op = node.Op switch
        {
            "+" => (a, b) => a + b,
            "-" => (a, b) => a - b,
            "*" => (a, b) => a * b,
            "/" => (a, b) => b == 0m ? throw new MappingRuntimeException("division by zero", rText, "0") : a / b,
            _ => (a, b) => b == 0m ? throw new MappingRuntimeException("modulo by zero", rText, "0") : a % b,
        };
        return Make(c =>
        {
            var a = l(c);
            var b = r(c);
            if (a is null || b is null) return null;
            return op(Values.ToDecimal(a, lText), Values.ToDecimal(b, rText));
        }, ExprType.Number, text);
    }

    private void RequireNumber(CompiledExpr operand, ExprNode node, string op)
    {
        if (operand.Type is ExprType.Bool or ExprType.DateTime or ExprType.Date or ExprType.List)
        {
            Error(node.Pos, $"{op} expects numbers, but '{operand.Text}' is a {Describe(operand.Type)}");
        }
        else if (operand.IsConstant && operand.Constant is string s && !decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            Error(node.Pos, $"{op} expects numbers, but '{s}' is text");
        }
    }

    public static string Describe(ExprType type) => type switch
    {
        ExprType.Bool => "boolean",
        ExprType.DateTime => "date/time",
        ExprType.Date => "date",
        ExprType.Number => "number",
        ExprType.String => "text",
        ExprType.List => "list",
        ExprType.Null => "null",
        _ => "value",
    };

    private CompiledExpr CompileConditional(ConditionalNode node)
    {
        var condition = CompileNode(node.Condition).Eval;
        var then = CompileNode(node.Then);
        var otherwise = CompileNode(node.Else);
        var t = then.Eval;
        var e = otherwise.Eval;
        var tAll = then.All;
        var eAll = otherwise.All;
        return new CompiledExpr
        {
            Eval = c => Values.Truthy(condition(c)) ? t(c) : e(c),
            All = c => Values.Truthy(condition(c)) ? tAll(c) : eAll(c),
            Type = then.Type == otherwise.Type ? then.Type : ExprType.Any,
            Text = TextOf(node),
        };
    }

    private CompiledExpr CompileCall(CallNode node)
    {
        var text = TextOf(node);
        if (!FunctionRegistry.TryGet(node.Name, out var def))
        {
            var suggestion = FunctionRegistry.Suggest(node.Name);
            Error(node.Pos, $"unknown function '{node.Name}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") + " (see docs/mapping-language.md for the list)");
            return Make(_ => null, ExprType.Any, text);
        }
        if (node.Args.Count < def.MinArgs || node.Args.Count > def.MaxArgs)
        {
            Error(node.Pos, $"{node.Name}() takes {Arity(def)}, got {node.Args.Count}: {def.Signature}");
            return Make(_ => null, def.Returns, text);
        }
        var args = new CompiledExpr[node.Args.Count];
        var names = new string[node.Args.Count];
        for (var i = 0; i < args.Length; i++)
        {
            var argNode = node.Args[i];
            if (def.KindOf(i) == ArgKind.Name)
            {
                var name = argNode switch
                {
                    LiteralNode { Value: string s } => s,
                    PathNode { Start: PathStart.Current, Steps: [{ Kind: StepKind.Child, Prefix: null, Predicates.Count: 0 } step] } => step.Name,
                    _ => null,
                };
                if (name is null) Error(argNode.Pos, $"argument {i + 1} of {node.Name}() must be a name written as it is, e.g. {def.Signature}");
                names[i] = name ?? "";
                args[i] = Constant(name, TextOf(argNode));
                continue;
            }
            args[i] = CompileNode(argNode);
            names[i] = args[i].Text;
            var expected = def.TypeOf(i);
            if (expected == ExprType.Number) RequireNumber(args[i], argNode, $"{node.Name}() argument {i + 1}");
            if (expected is ExprType.DateTime && args[i].Type is ExprType.Number or ExprType.Bool)
            {
                Error(argNode.Pos, $"{node.Name}() argument {i + 1} expects a date/time, but '{args[i].Text}' is a {Describe(args[i].Type)}");
            }
        }
        var site = new CallSite
        {
            Name = node.Name,
            Text = text,
            Args = args,
            ArgNames = names,
            Tables = _scope.Tables,
            Statuses = _scope.Statuses,
            Units = _scope.Units,
            ErrorAt = (index, message) => Error(index >= 0 && index < node.Args.Count ? node.Args[index].Pos : node.Pos, message),
        };
        var eval = def.Build(site);
        return new CompiledExpr
        {
            Eval = eval,
            All = def.Returns == ExprType.List ? c => eval(c) as List<object?> ?? [] : c => CompiledExpr.Single(eval(c)),
            Type = def.Returns,
            Text = text,
        };
    }

    private static string Arity(FunctionDef def) =>
        def.MinArgs == def.MaxArgs ? $"{def.MinArgs} argument(s)" :
        def.MaxArgs == int.MaxValue ? $"at least {def.MinArgs} argument(s)" : $"{def.MinArgs} to {def.MaxArgs} arguments";

    /// <summary>
    /// <c>a &amp; '/' &amp; b &amp; '/' &amp; c</c> as one concatenation of its parts: joined two at a time it made a string per
    /// <c>&amp;</c>, five thrown away for every id of a stock export's row.
    /// </summary>
    private CompiledExpr CompileConcat(BinaryNode node)
    {
        var operands = new List<ExprNode>();
        Flatten(node);
        var parts = operands.Select(o => CompileNode(o).Eval).ToArray();
        return Make(c =>
        {
            var texts = ArrayPool<string?>.Shared.Rent(parts.Length);
            try
            {
                for (var i = 0; i < parts.Length; i++) texts[i] = Values.ToText(parts[i](c));
                return string.Concat(texts.AsSpan(0, parts.Length));
            }
            finally
            {
                ArrayPool<string?>.Shared.Return(texts, clearArray: true);
            }
        }, ExprType.String, TextOf(node));

        void Flatten(ExprNode part)
        {
            if (part is BinaryNode { Op: "&" } concat)
            {
                Flatten(concat.Left);
                Flatten(concat.Right);
            }
            else operands.Add(part);
        }
    }

    private static CompiledExpr Make(Func<EvalContext, object?> eval, ExprType type, string text) => new()
    {
        Eval = eval,
        All = c => CompiledExpr.Single(eval(c)),
        Type = type,
        Text = text,
    };
}

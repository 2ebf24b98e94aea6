using System.Globalization;
using System.Text;
using Bridge.Mappings.Paths;

namespace Bridge.Mappings.Expressions;

/// <summary>
/// Scannerless recursive-descent parser of the mapping expression language. Paths are read in place
/// (no whitespace inside a path), so <c>a/b</c> is a path and <c>a / b</c> a division.
/// </summary>
internal sealed class ExpressionParser
{
    private static readonly HashSet<string> Keywords = ["and", "or", "not", "true", "false", "null", "div", "mod"];
    private readonly string _s;
    private int _p;

    private ExpressionParser(string text) => _s = text;

    /// <summary>Parses a whole expression; throws <see cref="ExpressionSyntaxException"/> with the offset of the problem.</summary>
    public static ExprNode Parse(string text)
    {
        var parser = new ExpressionParser(text);
        parser.SkipWs();
        if (parser.AtEnd) throw new ExpressionSyntaxException(0, "expected an expression, got nothing");
        var node = parser.ParseExpression();
        parser.SkipWs();
        if (!parser.AtEnd) throw new ExpressionSyntaxException(parser._p, $"unexpected '{parser.Rest(12)}' after the expression");
        return node;
    }

    private bool AtEnd => _p >= _s.Length;
    private char Cur => _p < _s.Length ? _s[_p] : '\0';
    private char At(int offset) => _p + offset < _s.Length ? _s[_p + offset] : '\0';
    private string Rest(int max) => _s.Substring(_p, Math.Min(max, _s.Length - _p));

    private void SkipWs()
    {
        while (_p < _s.Length && char.IsWhiteSpace(_s[_p])) _p++;
    }

    private bool Match(string token)
    {
        SkipWs();
        if (string.CompareOrdinal(_s, _p, token, 0, token.Length) != 0) return false;
        _p += token.Length;
        return true;
    }

    private bool MatchWord(string word)
    {
        SkipWs();
        if (string.CompareOrdinal(_s, _p, word, 0, word.Length) != 0) return false;
        var after = _p + word.Length < _s.Length ? _s[_p + word.Length] : '\0';
        if (IsNameChar(after) || after == ':') return false;
        _p += word.Length;
        return true;
    }

    private ExprNode ParseExpression()
    {
        var condition = ParseCoalesce();
        SkipWs();
        if (Cur == '?' && At(1) != '?')
        {
            _p++;
            var then = ParseExpression();
            SkipWs();
            if (Cur != ':') throw new ExpressionSyntaxException(_p, "expected ':' of the conditional 'c ? a : b'");
            _p++;
            var otherwise = ParseExpression();
            return new ConditionalNode(condition.Pos, otherwise.End, condition, then, otherwise);
        }
        return condition;
    }

    private ExprNode ParseCoalesce()
    {
        var left = ParseOr();
        while (Match("??"))
        {
            var right = ParseOr();
            left = new BinaryNode(left.Pos, right.End, "??", left, right);
        }
        return left;
    }

    private ExprNode ParseOr()
    {
        var left = ParseAnd();
        while (MatchWord("or") || Match("||"))
        {
            var right = ParseAnd();
            left = new BinaryNode(left.Pos, right.End, "or", left, right);
        }
        return left;
    }

    private ExprNode ParseAnd()
    {
        var left = ParseNot();
        while (MatchWord("and") || Match("&&"))
        {
            var right = ParseNot();
            left = new BinaryNode(left.Pos, right.End, "and", left, right);
        }
        return left;
    }

    private ExprNode ParseNot()
    {
        SkipWs();
        var start = _p;
        if (MatchWord("not") || (Cur == '!' && At(1) != '=' && Match("!")))
        {
            var operand = ParseNot();
            return new UnaryNode(start, operand.End, "not", operand);
        }
        return ParseComparison();
    }

    private ExprNode ParseComparison()
    {
        var left = ParseAdditive();
        SkipWs();
        string? op = null;
        foreach (var candidate in new[] { "==", "!=", "<=", ">=", "<", ">", "=" })
        {
            if (string.CompareOrdinal(_s, _p, candidate, 0, candidate.Length) == 0) { op = candidate; break; }
        }
        if (op is null) return left;
        _p += op.Length;
        var right = ParseAdditive();
        return new BinaryNode(left.Pos, right.End, op == "=" ? "==" : op, left, right);
    }

    private ExprNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (true)
        {
            SkipWs();
            string op;
            if (Cur == '+') op = "+";
            else if (Cur == '-') op = "-";
            else if (Cur == '&' && At(1) != '&') op = "&";
            else return left;
            _p++;
            var right = ParseMultiplicative();
            left = new BinaryNode(left.Pos, right.End, op, left, right);
        }
    }

    private ExprNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (true)
        {
            SkipWs();
            string op;
            if (Cur == '*') { op = "*"; _p++; }
            else if (Cur == '/') { op = "/"; _p++; }
            else if (Cur == '%') { op = "%"; _p++; }
            else if (MatchWord("div")) op = "/";
            else if (MatchWord("mod")) op = "%";
            else return left;
            var right = ParseUnary();
            left = new BinaryNode(left.Pos, right.End, op, left, right);
        }
    }

    private ExprNode ParseUnary()
    {
        SkipWs();
        if (Cur == '-')
        {
            var start = _p++;
            var operand = ParseUnary();
            return new UnaryNode(start, operand.End, "-", operand);
        }
        return ParsePrimary();
    }

    private ExprNode ParsePrimary()
    {
        SkipWs();
        var start = _p;
        if (AtEnd) throw new ExpressionSyntaxException(_p, "expected a value, a path or a function call, got the end of the expression");
        var c = Cur;
        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(At(1)))) return ParseNumber();
        if (c is '\'' or '"') return new LiteralNode(start, 0, ParseString()) with { End = _p };
        if (c == '(')
        {
            _p++;
            var inner = ParseExpression();
            SkipWs();
            if (Cur != ')') throw new ExpressionSyntaxException(_p, "expected ')'");
            _p++;
            return inner;
        }
        if (c == '[') return ParsePathSteps(start, PathStart.Current, null, []);
        if (c == '$')
        {
            _p++;
            if (IsNameStart(Cur))
            {
                var name = ReadName();
                return ParsePathSteps(start, PathStart.Variable, name, []);
            }
            return ParsePathSteps(start, PathStart.Root, null, []);
        }
        if (c == '/')
        {
            var steps = new List<PathStepNode>();
            if (At(1) == '/')
            {
                _p += 2;
                steps.Add(ReadStep(StepKind.Descendant));
            }
            else
            {
                _p++;
                if (IsStepStart(Cur)) steps.Add(ReadStep(StepKind.Child));
            }
            return ParsePathSteps(start, PathStart.Root, null, steps);
        }
        if (c == '.')
        {
            if (At(1) == '.')
            {
                _p += 2;
                return ParsePathSteps(start, PathStart.Current, null, [new PathStepNode(start, StepKind.Parent, null, null, [])]);
            }
            _p++;
            var selfSteps = new List<PathStepNode>();
            if (IsStepStart(Cur)) selfSteps.Add(ReadStep(StepKind.Child));
            return ParsePathSteps(start, PathStart.Current, null, selfSteps);
        }
        if (c is '@' or '*' || IsNameStart(c))
        {
            if (IsNameStart(c))
            {
                var save = _p;
                var name = ReadName();
                var afterName = _p;
                SkipWs();
                if (Cur == '(' && !name.Contains(':')) return ParseCall(start, name);
                _p = afterName;
                if (Keywords.Contains(name) && !IsPathContinuation())
                {
                    return name switch
                    {
                        "true" => new LiteralNode(start, _p, true),
                        "false" => new LiteralNode(start, _p, false),
                        "null" => new LiteralNode(start, _p, null),
                        _ => throw new ExpressionSyntaxException(start, $"expected a value, got the operator '{name}'"),
                    };
                }
                _p = save;
            }
            var first = ReadStep(StepKind.Child);
            return ParsePathSteps(start, PathStart.Current, null, [first]);
        }
        throw new ExpressionSyntaxException(_p, $"expected a value, a path or a function call, got '{Rest(12)}'");
    }

    private ExprNode ParseCall(int start, string name)
    {
        _p++; // (
        var args = new List<ExprNode>();
        SkipWs();
        if (Cur == ')')
        {
            _p++;
            return new CallNode(start, _p, name, args);
        }
        while (true)
        {
            args.Add(ParseExpression());
            SkipWs();
            if (Cur == ',') { _p++; continue; }
            if (Cur == ')') { _p++; break; }
            throw new ExpressionSyntaxException(_p, $"expected ',' or ')' in the arguments of {name}()");
        }
        return new CallNode(start, _p, name, args);
    }

    private bool IsPathContinuation() =>
        Cur == '[' || (Cur == '/' && IsStepStartOrSlash(At(1))) || (Cur == '.' && IsStepStart(At(1)));

    private static bool IsStepStartOrSlash(char c) => IsStepStart(c) || c == '/' || c == '.';

    private ExprNode ParsePathSteps(int start, PathStart pathStart, string? variable, List<PathStepNode> steps)
    {
        var startPredicates = new List<PredicateNode>();
        while (!AtEnd)
        {
            if (Cur == '[')
            {
                var quoted = TryReadQuotedKey();
                if (quoted is not null)
                {
                    steps.Add(new PathStepNode(_p, StepKind.Child, null, quoted, []));
                    continue;
                }
                var predicate = ReadPredicate();
                if (steps.Count == 0) startPredicates.Add(predicate);
                else
                {
                    var last = steps[^1];
                    steps[^1] = last with { Predicates = [.. last.Predicates, predicate] };
                }
                continue;
            }
            if (Cur == '/' && At(1) == '/' && IsStepStart(At(2)))
            {
                _p += 2;
                steps.Add(ReadStep(StepKind.Descendant));
                continue;
            }
            if (Cur == '/' && At(1) == '.' && At(2) == '.')
            {
                steps.Add(new PathStepNode(_p, StepKind.Parent, null, null, []));
                _p += 3;
                continue;
            }
            if ((Cur == '/' || Cur == '.') && IsStepStart(At(1)))
            {
                _p++;
                steps.Add(ReadStep(StepKind.Child));
                continue;
            }
            break;
        }
        if (startPredicates.Count > 0) steps.Insert(0, new PathStepNode(start, StepKind.Self, null, null, startPredicates));
        return new PathNode(start, _p, pathStart, variable, steps);
    }

    private string? TryReadQuotedKey()
    {
        var save = _p;
        _p++;
        SkipWs();
        if (Cur is not ('\'' or '"')) { _p = save; return null; }
        var key = ParseString();
        SkipWs();
        if (Cur != ']') { _p = save; return null; }
        _p++;
        return key;
    }

    private PredicateNode ReadPredicate()
    {
        var start = _p;
        _p++; // [
        SkipWs();
        if (Cur == '?') _p++;
        SkipWs();
        var save = _p;
        var negative = Cur == '-';
        if (negative) _p++;
        if (char.IsAsciiDigit(Cur))
        {
            var digitsStart = _p;
            while (char.IsAsciiDigit(Cur)) _p++;
            var digitsEnd = _p;
            SkipWs();
            if (Cur == ']')
            {
                var index = int.Parse(_s.AsSpan(digitsStart, digitsEnd - digitsStart), CultureInfo.InvariantCulture);
                _p++;
                return new PredicateNode(start, negative ? -index : index, null);
            }
        }
        _p = save;
        var filter = ParseExpression();
        SkipWs();
        if (Cur != ']') throw new ExpressionSyntaxException(_p, "expected ']' to close the predicate");
        _p++;
        return new PredicateNode(start, null, filter);
    }

    private PathStepNode ReadStep(StepKind kind)
    {
        var start = _p;
        if (Cur == '*')
        {
            _p++;
            return new PathStepNode(start, kind == StepKind.Descendant ? StepKind.Descendant : StepKind.Wildcard, null, kind == StepKind.Descendant ? "*" : null, []);
        }
        if (Cur == '@')
        {
            _p++;
            if (!IsNameStart(Cur)) throw new ExpressionSyntaxException(_p, "expected an attribute name after '@'");
            var (attrPrefix, attrName) = SplitPrefix(ReadName());
            return new PathStepNode(start, StepKind.Attribute, attrPrefix, attrName, []);
        }
        if (Cur == '.' && At(1) == '.')
        {
            _p += 2;
            return new PathStepNode(start, StepKind.Parent, null, null, []);
        }
        if (!IsNameStart(Cur)) throw new ExpressionSyntaxException(_p, $"expected a name in the path, got '{Rest(8)}'");
        var (prefix, name) = SplitPrefix(ReadName());
        return new PathStepNode(start, kind, prefix, name, []);
    }

    private static (string? Prefix, string Name) SplitPrefix(string qualified)
    {
        var colon = qualified.IndexOf(':');
        return colon < 0 ? (null, qualified) : (qualified[..colon], qualified[(colon + 1)..]);
    }

    private string ReadName()
    {
        var start = _p;
        while (IsNameChar(Cur) || (Cur == '-' && IsNameChar(At(1)))) _p++;
        if (Cur == ':' && IsNameStart(At(1)))
        {
            _p++;
            while (IsNameChar(Cur) || (Cur == '-' && IsNameChar(At(1)))) _p++;
        }
        return _s[start.._p];
    }

    private ExprNode ParseNumber()
    {
        var start = _p;
        while (char.IsAsciiDigit(Cur)) _p++;
        if (Cur == '.' && char.IsAsciiDigit(At(1)))
        {
            _p++;
            while (char.IsAsciiDigit(Cur)) _p++;
        }
        var text = _s[start.._p];
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            throw new ExpressionSyntaxException(start, $"'{text}' is not a number");
        return new LiteralNode(start, _p, value);
    }

    private string ParseString()
    {
        var quote = Cur;
        var start = _p++;
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd) throw new ExpressionSyntaxException(start, $"string starting here is not closed with {quote}");
            var c = _s[_p++];
            if (c == quote)
            {
                if (Cur == quote) { sb.Append(quote); _p++; continue; }
                return sb.ToString();
            }
            if (c == '\\' && !AtEnd)
            {
                var e = _s[_p++];
                sb.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => e });
                continue;
            }
            sb.Append(c);
        }
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';
    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';
    private static bool IsStepStart(char c) => IsNameStart(c) || c is '@' or '*';
}

using System.Text.Json;
using System.Xml.Linq;
using Bridge.Mappings;
using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Documents;
using Bridge.Mappings.Expressions;
using Bridge.Mappings.Runtime;
using Bridge.Mappings.Units;

namespace Bridge.Tests.Mappings;

public sealed class ExpressionTests
{
    private const string Order = """
        { "no": "0042", "qty": "12.5", "tags": ["a", "b"], "order no": "X-1",
          "lines": [ { "m": "A", "q": 2, "ok": true }, { "m": "B", "q": 0, "ok": false }, { "m": "C", "q": 5, "ok": true,
                       "sub": [ { "m": "C1" } ] } ] }
        """;

    private static readonly UnitTable Units = new(
        [new UnitDefinition("kg", "mass", 1m), new UnitDefinition("g", "mass", 0.001m), new UnitDefinition("pcs", "count", 1m), new UnitDefinition("box", "box", 1m)],
        new Dictionary<string, string> { ["KGM"] = "kg" },
        new Dictionary<string, IReadOnlyList<PackagingFactor>> { ["A-200"] = [new PackagingFactor("pcs", 25m, "g"), new PackagingFactor("box", 40m, "pcs")] });

    private static object? Eval(string expression, string json = Order, SourceFormat format = SourceFormat.Json)
    {
        var errors = new List<string>();
        var compiled = ExpressionCompiler.Compile(expression, new CompileScope { Format = format, Units = Units }, (o, m) => errors.Add($"{o}: {m}"));
        errors.ShouldBeEmpty();
        using var document = JsonDocument.Parse(json);
        return compiled!.Eval(new EvalContext(document.RootElement, new Dictionary<string, string> { ["topic"] = "a/b/c" }, new FixedTimeProvider(ShippedMappings.Now), 0));
    }

    private static string CompileError(string expression)
    {
        var errors = new List<string>();
        ExpressionCompiler.Compile(expression, new CompileScope { Format = SourceFormat.Json, Units = Units }, (o, m) => errors.Add($"{o}: {m}"));
        return errors.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("no", "0042")]
    [InlineData("$.no", "0042")]
    [InlineData("['order no']", "X-1")]
    [InlineData("lines[1].m", "B")]
    [InlineData("lines[-1].m", "C")]
    [InlineData("lines[?q > 1][1].m", "C")]
    [InlineData("lines[ok == false].m", "B")]
    [InlineData("//m", "A")]
    [InlineData("lines.sub.m", "C1")]
    [InlineData("join(lines.m, ',')", "A,B,C")]
    [InlineData("join(//m, '')", "ABCC1")]
    [InlineData("tags[1]", "b")]
    [InlineData("upper(trimStart(no, '0')) & '-' & padLeft('7', 3, '0')", "42-007")]
    [InlineData("substring('ABCDEF', 2, 3)", "CDE")]
    [InlineData("split($meta.topic, '/', -1)", "c")]
    [InlineData("replace('a.b.c', '.', '/')", "a/b/c")]
    [InlineData("missing ?? 'fallback'", "fallback")]
    [InlineData("coalesce(missing, '', no)", "0042")]
    [InlineData("qty > 10 ? 'big' : 'small'", "big")]
    [InlineData("if(in(lines[0].m, 'X', 'A'), 'yes', 'no')", "yes")]
    [InlineData("format(number('1.234,5', 'de-DE'), '0.00')", "1234.50")]
    [InlineData("formatDate(datetime('24.11.2026 06:00', 'dd.MM.yyyy HH:mm', 'Europe/Berlin'), 'yyyy-MM-ddTHH:mm', 'UTC')", "2026-11-24T05:00")]
    [InlineData("formatDate(now(), 'yyyy-MM-dd HH:mm')", "2026-11-22 15:00")]
    public void Evaluates_ToText(string expression, string expected) => Values.ToText(Eval(expression)).ShouldBe(expected);

    [Theory]
    [InlineData("qty * 2 + 1", "26.0")]
    [InlineData("sum(lines.q)", "7")]
    [InlineData("count(lines[?ok])", "2")]
    [InlineData("round(10 / 3, 2)", "3.33")]
    [InlineData("-lines[0].q % 3", "-2")]
    [InlineData("convert(2, 'box', 'kg', 'A-200')", "2.000")]
    [InlineData("convert(1500, 'g', 'KGM')", "1.500")]
    [InlineData("length(no)", "4")]
    public void Evaluates_ToNumber(string expression, string expected) => ((decimal)Eval(expression)!).ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);

    [Theory]
    [InlineData("exists(lines[?m == 'C'])", true)]
    [InlineData("exists(lines[?m == 'Z'])", false)]
    [InlineData("not empty(no) and (qty >= 12.5 or false)", true)]
    [InlineData("lines[0].q == '2'", true)]
    [InlineData("matches(no, '^[0-9]+$')", true)]
    [InlineData("startsWith(no, '00') && endsWith(no, '2')", true)]
    public void Evaluates_ToBool(string expression, bool expected) => Eval(expression).ShouldBe(expected);

    [Fact]
    public void DateTime_WithoutOffsetOrZone_IsARuntimeError()
    {
        var ex = Should.Throw<MappingRuntimeException>(() => Eval("datetime('2026-11-22T10:00:00')"));

        ex.Message.ShouldBe("'2026-11-22T10:00:00' has no UTC offset; use datetime(value, format, timezone) to say which time zone it is in");
    }

    [Fact]
    public void DateTime_InADaylightSavingGap_IsARuntimeError()
    {
        var ex = Should.Throw<MappingRuntimeException>(() => Eval("datetime('2026-03-29 02:30', 'yyyy-MM-dd HH:mm', 'Europe/Berlin')"));

        ex.Message.ShouldBe("'2026-03-29 02:30' does not exist in time zone 'Europe/Berlin' (skipped by a daylight-saving change)");
    }

    [Fact]
    public void Convert_WithoutAPath_NamesBothUnitsAndTheMaterial()
    {
        var ex = Should.Throw<MappingRuntimeException>(() => Eval("convert(3, 'box', 'kg', 'A-100')"));

        ex.Message.ShouldStartWith("no conversion from unit 'box' to unit 'kg' for material 'A-100'");
    }

    [Fact]
    public void Arithmetic_OnText_IsARuntimeErrorNamingOperandAndValue()
    {
        var ex = Should.Throw<MappingRuntimeException>(() => Eval("lines[0].m * 2"));

        ex.SourcePath.ShouldBe("lines[0].m");
        ex.Value.ShouldBe("A");
    }

    [Theory]
    [InlineData("upper(no", "8: syntax error in expression 'upper(no': expected ',' or ')' in the arguments of upper()")]
    [InlineData("no +", "4: syntax error in expression 'no +': expected a value, a path or a function call, got the end of the expression")]
    [InlineData("lookup(material, no)", "7: unknown table 'material' (none is declared under tables:)")]
    [InlineData("Upper(no)", "0: unknown function 'Upper'; did you mean 'upper'? (see docs/mapping-language.md for the list)")]
    [InlineData("true + 1", "0: '+' expects numbers, but 'true' is a boolean")]
    [InlineData("number(no, 'xx-YY-zz')", "11: unknown culture 'xx-YY-zz'; expected a name such as 'de-DE', 'en-US' or '' for invariant")]
    [InlineData("date(no, 'yyyy-MM-dd', 'x')", "0: date() takes 1 to 2 arguments, got 3: date(text, format?) e.g. date(d, 'dd.MM.yyyy')")]
    [InlineData("a/../b", "1: the parent step '..' works in XML mappings only; use $parent for the enclosing item of an iteration")]
    public void CompileErrors_NameOffsetAndWhatWasExpected(string expression, string expected) => CompileError(expression).ShouldBe(expected);

    [Fact]
    public void XmlPaths_ResolvePrefixesPredicatesAttributesAndParents()
    {
        XNamespace b = "urn:b";
        var doc = XDocument.Parse("""
            <b:Root xmlns:b="urn:b"><b:Item id="1"><b:Use>Consumed</b:Use><b:Q>2</b:Q></b:Item>
            <b:Item id="2"><b:Use>Produced</b:Use><b:Q>7</b:Q></b:Item></b:Root>
            """);
        var scope = new CompileScope { Format = SourceFormat.Xml, Namespaces = new Dictionary<string, XNamespace> { ["b"] = b } };
        object? Run(string text) => ExpressionCompiler.Compile(text, scope, (_, m) => throw new InvalidOperationException(m))!
            .Eval(new EvalContext(doc, null, TimeProvider.System, 0));

        Values.ToText(Run("/b:Root/b:Item[b:Use = 'Produced']/b:Q")).ShouldBe("7");
        Values.ToText(Run("//b:Item[@id = '1']/b:Use")).ShouldBe("Consumed");
        Values.ToText(Run("//b:Q[. > 5]/../@id")).ShouldBe("2");
        Values.ToText(Run("/Root/Item[1]/Q")).ShouldBe("7");
        Run("sum(//b:Q)").ShouldBe(9m);
    }
}

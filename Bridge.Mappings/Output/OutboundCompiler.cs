using Bridge.Mappings.Expressions;
using Bridge.Mappings.Runtime;
using Bridge.Mappings.Templates;

namespace Bridge.Mappings.Output;

/// <summary>Compiles a <c>body:</c> tree into output nodes and checks it fits the output format.</summary>
internal sealed class OutboundCompiler(ExpressionFactory expressions)
{
    public OutNode? Compile(TemplateNode template, OutputFormat format)
    {
        var body = CompileNode(template, "body");
        if (body is null) return null;
        switch (format)
        {
            case OutputFormat.Xml when body is not OutObject { Members.Count: 1 } root || root.Members[0] is OutEach || root.Members[0].Name.StartsWith('@'):
                expressions.Errors.Add(expressions.File, template.Yaml, "an XML body has exactly one key: the root element, e.g. body: { PickOrder: { ... } }");
                return null;
            case OutputFormat.Csv:
                var row = body is OutEach each ? each.Item : body;
                if (row is not OutObject rowObject || rowObject.Members.Any(m => m is not OutValue))
                {
                    expressions.Errors.Add(expressions.File, template.Yaml, "a CSV body is 'each:' with flat 'fields:' (one column per field), or one flat block of fields");
                    return null;
                }
                break;
        }
        return body;
    }

    private OutNode? CompileNode(TemplateNode node, string name)
    {
        switch (node)
        {
            case ValueTemplate value:
                var expr = expressions.Compile(value.Scalar);
                return expr is null ? null : new OutValue(name, expr);
            case EachTemplate each:
                var levels = new CompiledExpr?[each.Each.Count];
                var factory = expressions;
                for (var i = 0; i < levels.Length; i++)
                {
                    levels[i] = factory.Compile(each.Each[i]);
                    factory = factory.WithItemType(levels[i]?.CanonicalType);
                }
                factory = factory.WithItemVariables(each.Let, out var variables);
                var inner = new OutboundCompiler(factory);
                var where = each.Where is null ? null : factory.Compile(each.Where);
                var item = inner.CompileNode(each.Item, name);
                return levels.Any(l => l is null) || item is null || (each.Where is not null && where is null)
                    ? null
                    : new OutEach(name, levels!, where, item) { Variables = variables };
            case ObjectTemplate obj:
                var members = new List<OutNode>();
                var failed = false;
                foreach (var member in obj.Members)
                {
                    var compiled = CompileNode(member.Value, member.Name);
                    if (compiled is null) failed = true;
                    else members.Add(compiled);
                }
                return failed ? null : new OutObject(name, members);
            default:
                return null;
        }
    }
}

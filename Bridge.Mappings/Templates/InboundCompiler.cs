using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Expressions;
using YamlDotNet.RepresentationModel;

namespace Bridge.Mappings.Templates;

/// <summary>
/// Compiles a <c>fields:</c> tree against a canonical type: every key must be a member, every required member
/// must be mapped, and the expression types must fit where that can be known at load.
/// </summary>
internal sealed class InboundCompiler(ExpressionFactory expressions)
{
    /// <summary>Envelope members Bridge fills itself; a mapping may set correlationId and occurredAt.</summary>
    public static readonly HashSet<string> BridgeOwned = ["messageId", "source", "schemaVersion"];
    public static readonly HashSet<string> Envelope = ["messageId", "source", "schemaVersion", "correlationId", "occurredAt"];

    private ConfigurationErrorSink Errors => expressions.Errors;
    private string File => expressions.File;

    public ObjectPlan? CompileMessage(ObjectTemplate template, Type type, YamlNode fieldsKey) => CompileObject(template, type, topLevel: true, fieldsKey);

    private ObjectPlan? CompileObject(ObjectTemplate template, Type type, bool topLevel, YamlNode owner)
    {
        var shape = RecordShape.For(type);
        var members = new List<MemberPlan>();
        var mapped = new HashSet<string>(StringComparer.Ordinal);
        var failed = false;
        foreach (var member in template.Members)
        {
            var target = shape.Find(member.Name);
            if (target is null)
            {
                var expected = shape.Members.Where(m => !topLevel || !BridgeOwned.Contains(m.Name)).Select(m => m.Name);
                Errors.Add(File, member.Key, $"unknown field '{member.Name}' on {type.Name}; expected one of: {string.Join(", ", expected)}");
                failed = true;
                continue;
            }
            if (topLevel && BridgeOwned.Contains(target.Name))
            {
                Errors.Add(File, member.Key, $"'{target.Name}' is set by Bridge (messageId from id:/version:, source from system:); remove it");
                failed = true;
                continue;
            }
            if (!mapped.Add(target.Name))
            {
                Errors.Add(File, member.Key, $"field '{target.Name}' is mapped twice");
                failed = true;
                continue;
            }
            var plan = CompileValue(member.Value, target.Type, target.Name, type, member.Key);
            if (plan is null)
            {
                failed = true;
                continue;
            }
            var sourceText = member.Value is ValueTemplate v ? v.Scalar.Value : null;
            members.Add(new MemberPlan(target.Name, target.Slot, target.Required && !(topLevel && Envelope.Contains(target.Name)), plan, sourceText));
        }
        foreach (var required in shape.Members.Where(m => m.Required && !mapped.Contains(m.Name)))
        {
            if (topLevel && Envelope.Contains(required.Name)) continue;
            Errors.Add(File, owner, $"required canonical field '{required.Name}' of {type.Name} is not mapped");
            failed = true;
        }
        return failed ? null : new ObjectPlan(shape, members);
    }

    private ValuePlan? CompileValue(TemplateNode node, Type type, string name, Type owner, YamlNode key)
    {
        if (FieldTypes.IsScalar(type))
        {
            if (node is not ValueTemplate value)
            {
                Errors.Add(File, node.Yaml, $"'{name}' of {owner.Name} is {FieldTypes.Describe(type)}; expected an expression, not a block");
                return null;
            }
            var expr = expressions.Compile(value.Scalar);
            if (expr is null) return null;
            if (TargetConverter.CheckStatic(expr, type) is { } problem)
            {
                Errors.Add(File, value.Scalar, $"'{name}': {problem}");
                return null;
            }
            return new ScalarPlan(expr, type);
        }
        var element = FieldTypes.ElementTypeOfList(type);
        if (element is not null)
        {
            if (node is not EachTemplate each)
            {
                Errors.Add(File, node.Yaml, $"'{name}' of {owner.Name} is a list of {element.Name}; expected a block with 'each:' and '{(FieldTypes.IsScalar(element) ? "value" : "fields")}:'");
                return null;
            }
            var levels = each.Each.Select(expressions.Compile).ToArray();
            var itemExpressions = expressions.WithItemVariables(each.Let, out var variables);
            var inner = new InboundCompiler(itemExpressions);
            var where = each.Where is null ? null : itemExpressions.Compile(each.Where);
            var item = inner.CompileValue(each.Item, element, name + "[]", owner, key);
            if (levels.Any(l => l is null) || item is null || (each.Where is not null && where is null)) return null;
            return new ListPlan(levels!, variables, where, item, IListFactory.For(element));
        }
        if (node is not ObjectTemplate obj)
        {
            Errors.Add(File, node.Yaml, $"'{name}' of {owner.Name} is a {type.Name}; expected a block of its fields ({string.Join(", ", RecordShape.For(type).Members.Select(m => m.Name))})");
            return null;
        }
        return CompileObject(obj, type, topLevel: false, key);
    }
}

using System.Text.Json;
using System.Xml;
using Bridge.Contracts;
using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Documents;
using Bridge.Mappings.Loading;
using Bridge.Mappings.Runtime;
using Bridge.Mappings.Templates;

namespace Bridge.Mappings;

/// <summary>A compiled inbound mapping: a system's payload → canonical messages (one, or one per <c>split:</c> item).</summary>
public sealed class InboundMapping
{
    private readonly PayloadReader _reader;
    private readonly ObjectPlan _plan;
    private readonly CompiledExpr? _split;
    private readonly bool _allowEmpty;
    private readonly CompiledExpr? _id;
    private readonly CompiledExpr? _version;
    private readonly IReadOnlyList<(string Name, CompiledExpr Expr)> _variables;
    private readonly int _variableCount;
    private readonly EnvelopeSlots _envelope;
    private readonly TimeProvider _time;

    internal InboundMapping(InboundDefinition definition, TimeProvider time)
    {
        Name = definition.Name;
        File = definition.File;
        System = definition.System;
        MessageType = definition.MessageType;
        Produces = definition.Produces;
        Format = definition.Reader.Format.ToString().ToLowerInvariant();
        _reader = definition.Reader;
        _plan = definition.Plan;
        _split = definition.Split;
        _allowEmpty = definition.AllowEmpty;
        _id = definition.Id;
        _version = definition.Version;
        Identity = definition.Identity;
        _variables = definition.Variables;
        _variableCount = definition.VariableCount;
        _envelope = EnvelopeSlots.For(definition.Plan);
        _time = time;
    }

    public string Name { get; }
    public string File { get; }
    public string System { get; }
    public string MessageType { get; }
    public Type Produces { get; }

    /// <summary>Document (same id + version = same message) or state (a new observation per sequence/time).</summary>
    public InboundIdentity Identity { get; }

    /// <summary>json, xml, csv or scalar.</summary>
    public string Format { get; }

    public InboundMapResult Map(ReadOnlyMemory<byte> payload, string contentType, IReadOnlyDictionary<string, string> metadata)
    {
        var errors = new ErrorList(Name);
        object? root;
        IDisposable? owner;
        try
        {
            root = _reader.Read(payload, out owner);
        }
        catch (Exception ex) when (ex is JsonException or XmlException)
        {
            errors.Add(FieldPath.Root.Member("(payload)"), null, null, $"the payload is not valid {Format} ({contentType}): {ex.Message}");
            return new InboundMapResult([], errors.Items);
        }
        catch (Exception ex) when (UnexpectedMappingFailure.IsReportable(ex))
        {
            errors.Add(FieldPath.Root.Member("(payload)"), ex, null);
            return new InboundMapResult([], errors.Items);
        }
        using (owner)
        {
            var messages = new List<MappedMessage>();
            var rootContext = new EvalContext(root, metadata, _time, _variableCount);
            string? payloadHash = null;
            var now = _time.GetUtcNow().ToUniversalTime();
            List<object?> items;
            try
            {
                items = _split is null ? [root] : _split.All(rootContext);
            }
            catch (Exception ex) when (UnexpectedMappingFailure.IsReportable(ex))
            {
                errors.Add(FieldPath.Root.Member("(split)"), ex, _split!.Text);
                return new InboundMapResult([], errors.Items);
            }
            if (items.Count == 0 && !_allowEmpty)
            {
                errors.Add(FieldPath.Root.Member("(split)"), _split!.Text, null,
                    "the split matched nothing in the document, so it produced no message (a different document type, a misspelt name or namespace?); add allowEmpty: true if this feed may legitimately be empty");
                return new InboundMapResult([], errors.Items);
            }
            for (var index = 0; index < items.Count; index++)
            {
                var context = _split is null ? rootContext : new EvalContext(root, metadata, _time, _variableCount).Enter(items[index], index);
                var field = _split is null ? FieldPath.Root : FieldPath.Root.Item(index);
                CanonicalMessage? message;
                try
                {
                    message = MapOne(context, field, errors, index, payload, metadata, now, ref payloadHash);
                }
                catch (Exception ex) when (UnexpectedMappingFailure.IsReportable(ex))
                {
                    // A defect must not crash the host or drop the payload: it is reported like any mapping error.
                    errors.Add(field, ex, null);
                    message = null;
                }
                if (message is not null) messages.Add(new MappedMessage(message));
            }
            return new InboundMapResult(messages, errors.Items);
        }
    }

    private CanonicalMessage? MapOne(EvalContext context, FieldPath field, ErrorList errors, int index, ReadOnlyMemory<byte> payload, IReadOnlyDictionary<string, string> metadata, DateTimeOffset now, ref string? payloadHash)
    {
        var before = errors.Count;
        for (var i = 0; i < _variables.Count; i++)
        {
            try
            {
                context.Variables[i] = _variables[i].Expr.Eval(context);
            }
            catch (Exception ex) when (UnexpectedMappingFailure.IsReportable(ex))
            {
                errors.Add(field.Member("$" + _variables[i].Name), ex, _variables[i].Expr.Text);
            }
        }
        string? documentId = null, version = null;
        try
        {
            documentId = _id is null ? null : Values.ToText(_id.Eval(context));
            version = _version is null ? null : Values.ToText(_version.Eval(context));
        }
        catch (Exception ex) when (UnexpectedMappingFailure.IsReportable(ex))
        {
            errors.Add(field.Member("(id)"), ex, null);
        }
        if (_id is not null && string.IsNullOrEmpty(documentId) && errors.Count == before)
        {
            errors.Add(field.Member("(id)"), _id.Text, null, "the document id is missing or empty in the source");
        }
        var slots = _plan.EvaluateSlots(context, field, errors);
        if (slots is null || errors.Count != before) return null;
        // A bare sensor value repeats; with no declared id its metadata (topic, node id, timestamps) is part of its identity.
        documentId ??= payloadHash ??= _reader.Format == SourceFormat.Scalar
            ? DeterministicId.HashPayload(payload.Span, metadata)
            : DeterministicId.HashPayload(payload.Span);
        var messageId = Identity == InboundIdentity.State
            ? DeterministicId.Create(System, MessageType, documentId, $"{version}@{_envelope.ObservedAt(slots, now):O}", index: -1)
            : DeterministicId.Create(System, MessageType, documentId, version, index);
        _envelope.Fill(slots, messageId, System, documentId, now);
        return (CanonicalMessage)_plan.Shape.Factory(slots);
    }
}

using System.Text.Json;
using System.Xml;
using Bridge.Contracts;
using Bridge.Mappings.Batches;
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
    private readonly IReadOnlyList<(string Name, int Slot, CompiledExpr Expr)> _documentValues;
    private readonly XmlSplitStream? _stream;
    private readonly string? _domReason;

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
        _documentValues = definition.DocumentValues;
        _stream = definition.Stream;
        _domReason = definition.DomReason;
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

    /// <summary>Null when the mapping reads XML batches item by item; otherwise why it needs the whole document (XML split mappings only).</summary>
    public string? WholeDocumentReason => _domReason;

    /// <summary>True when an XML split is read one item at a time (memory: one item plus the header).</summary>
    public bool Streams => _stream is not null;

    /// <summary>
    /// At most how many messages <paramref name="payload"/> becomes, when that can be told without reading it: a split
    /// CSV makes at most one per line (a quoted line break only makes the count higher). Null for the rest, whose items
    /// are found only by reading the document (and weigh more bytes each).
    /// </summary>
    public int? MostMessages(ReadOnlySpan<byte> payload) =>
        _split is not null && _reader.Format == SourceFormat.Csv ? payload.Count((byte)'\n') + 1 : null;

    public InboundMapResult Map(ReadOnlyMemory<byte> payload, string contentType, IReadOnlyDictionary<string, string> metadata) =>
        Map(payload, contentType, metadata, InboundMapOptions.Everything);

    public InboundMapResult Map(ReadOnlyMemory<byte> payload, string contentType, IReadOnlyDictionary<string, string> metadata, InboundMapOptions options)
    {
        var errors = new ErrorList(Name, options.KeptErrors);
        object? root;
        IDisposable? owner = null;
        try
        {
            root = _stream is not null ? _stream.ReadHeader(_reader, payload) : _reader.Read(payload, out owner);
        }
        catch (Exception ex) when (UnexpectedMappingFailure.IsReportable(ex))
        {
            return PayloadFailure(errors, ex, contentType);
        }
        using (owner)
        {
            var cache = new DocumentCache();
            var rootContext = new EvalContext(root, metadata, _time, _variableCount, cache);
            var documentValues = EvaluateDocumentValues(rootContext, errors);
            if (documentValues is null) return Failed(errors);
            IEnumerable<(object? Item, string? Location)> items;
            var expected = 1;
            try
            {
                if (_stream is not null) items = _stream.Items(_reader, payload).Select(i => ((object?)i.Item, (string?)i.Location));
                else if (_split is null) items = [(root, null)];
                else
                {
                    // All returns a finished list: read in place, not copied into a second one of the same length.
                    var all = _split.All(rootContext);
                    expected = all.Count;
                    items = all.Select(i => (i, (string?)null));
                }
            }
            catch (Exception ex) when (UnexpectedMappingFailure.IsReportable(ex))
            {
                errors.Add(FieldPath.Root.Member("(split)"), ex, _split!.Text);
                return Failed(errors);
            }
            var messages = new List<MappedMessage>(options.IsAllOrNothing ? expected : 0);
            var warnings = new List<MappingWarning>();
            string? payloadHash = null;
            var now = _time.GetUtcNow().ToUniversalTime();
            var index = 0;
            using var enumerator = items.GetEnumerator();
            while (true)
            {
                try
                {
                    if (!enumerator.MoveNext()) break;
                }
                catch (Exception ex) when (UnexpectedMappingFailure.IsReportable(ex))
                {
                    // A streamed document found broken after its first items: nothing of it is accepted.
                    return PayloadFailure(errors, ex, contentType);
                }
                var (item, location) = enumerator.Current;
                var context = _split is null ? rootContext : Enter(root, metadata, cache, documentValues, item, index, location);
                var field = _split is null ? FieldPath.Root : FieldPath.Root.Item(index);
                CanonicalMessage? message;
                try
                {
                    // All or nothing: after a failed item the rest are only checked, their messages never built.
                    var build = !options.IsAllOrNothing || errors.Count == 0;
                    message = MapOne(context, field, errors, index, payload, metadata, now, build, ref payloadHash);
                }
                catch (Exception ex) when (UnexpectedMappingFailure.IsReportable(ex))
                {
                    // A defect must not crash the host or drop the payload: it is reported like any mapping error.
                    errors.Add(field, ex, null, context);
                    message = null;
                }
                if (context.Warnings is { } found)
                {
                    foreach (var warning in found) warnings.Add(new MappingWarning(Name, index, context.Location, warning));
                    context.Warnings = null;
                }
                if (message is not null) messages.Add(new MappedMessage(message));
                index++;
            }
            if (index == 0 && _split is not null && !_allowEmpty)
            {
                errors.Add(FieldPath.Root.Member("(split)"), _split.Text, null,
                    "the split matched nothing in the document, so it produced no message (a different document type, a misspelt name or namespace?); add allowEmpty: true if this feed may legitimately be empty");
                return Failed(errors);
            }
            if (options.IsAllOrNothing && errors.Count > 0) messages.Clear();
            return new InboundMapResult(messages, errors.Items) { ErrorCount = errors.Count, Warnings = warnings };
        }
    }

    private EvalContext Enter(object? root, IReadOnlyDictionary<string, string> metadata, DocumentCache cache, object?[] documentValues, object? item, int index, string? location)
    {
        var frame = new EvalContext(root, metadata, _time, _variableCount, cache);
        for (var i = 0; i < _documentValues.Count; i++) frame.Variables[_documentValues[i].Slot] = documentValues[i];
        return location is null ? frame.Enter(item, index) : frame.Enter(item, index, location);
    }

    /// <summary>The document: values, once; null when one failed (errors recorded).</summary>
    private object?[]? EvaluateDocumentValues(EvalContext rootContext, ErrorList errors)
    {
        var values = new object?[_documentValues.Count];
        var before = errors.Count;
        for (var i = 0; i < values.Length; i++)
        {
            var (name, slot, expr) = _documentValues[i];
            try
            {
                values[i] = rootContext.Variables[slot] = expr.Eval(rootContext);
            }
            catch (Exception ex) when (UnexpectedMappingFailure.IsReportable(ex))
            {
                errors.Add(FieldPath.Root.Member("document." + name), ex, expr.Text);
            }
        }
        return errors.Count == before ? values : null;
    }

    private InboundMapResult PayloadFailure(ErrorList errors, Exception ex, string contentType)
    {
        if (ex is JsonException or XmlException)
        {
            errors.Add(FieldPath.Root.Member("(payload)"), null, null, $"the payload is not valid {Format} ({contentType}): {PayloadProblem.Describe(ex)}");
        }
        else errors.Add(FieldPath.Root.Member("(payload)"), ex, null);
        return Failed(errors);
    }

    private static InboundMapResult Failed(ErrorList errors) => new([], errors.Items) { ErrorCount = errors.Count };

    private CanonicalMessage? MapOne(EvalContext context, FieldPath field, ErrorList errors, int index, ReadOnlyMemory<byte> payload, IReadOnlyDictionary<string, string> metadata, DateTimeOffset now, bool build, ref string? payloadHash)
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
                errors.Add(field.Member("$" + _variables[i].Name), ex, _variables[i].Expr.Text, context);
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
            errors.Add(field.Member("(id)"), ex, null, context);
        }
        if (_id is not null && string.IsNullOrEmpty(documentId) && errors.Count == before)
        {
            errors.Add(field.Member("(id)"), _id.Text, null, "the document id is missing or empty in the source", context);
        }
        var slots = _plan.EvaluateSlots(context, field, errors);
        if (slots is null || errors.Count != before || !build) return null;
        // A bare sensor value repeats; with no declared id its metadata (topic, node id, timestamps) is part of its identity.
        documentId ??= payloadHash ??= _reader.Format == SourceFormat.Scalar
            ? DeterministicId.HashPayload(payload.Span, metadata)
            : DeterministicId.HashPayload(payload.Span);
        var messageId = Identity == InboundIdentity.State
            ? DeterministicId.Create(System, MessageType, documentId, version, _envelope.ObservedAt(slots, now))
            : DeterministicId.Create(System, MessageType, documentId, version, index);
        _envelope.Fill(slots, messageId, System, documentId, now);
        return (CanonicalMessage)_plan.Shape.Factory(slots);
    }
}

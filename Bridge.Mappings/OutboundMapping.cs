using Bridge.Contracts;
using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Loading;
using Bridge.Mappings.Output;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings;

/// <summary>A compiled outbound mapping: a canonical message → a rendered message in the target system's dialect.</summary>
public sealed class OutboundMapping
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();
    private readonly OutboundDefinition _definition;
    private readonly TimeProvider _time;

    internal OutboundMapping(OutboundDefinition definition, TimeProvider time)
    {
        _definition = definition;
        _time = time;
    }

    public string Name => _definition.Name;
    public string File => _definition.File;
    public string System => _definition.System;
    public Type Consumes => _definition.Consumes;

    /// <summary>json, xml or csv.</summary>
    public string Format => _definition.Format.ToString().ToLowerInvariant();

    /// <summary>Renders the message: address, headers, properties and body; throws <see cref="MappingRuntimeException"/> naming the field, source path and value on failure.</summary>
    public RenderedMessage Render(CanonicalMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!Consumes.IsInstanceOfType(message))
        {
            throw new MappingRuntimeException($"mapping '{Name}' consumes {Consumes.Name}, got {message.GetType().Name}", mapping: Name, field: "(message)");
        }
        try
        {
            return RenderCore(message);
        }
        catch (MappingRuntimeException ex) when (ex.Mapping is null)
        {
            throw new MappingRuntimeException(ex.Message, ex.SourcePath, ex.Value, ex.Field ?? "body", Name);
        }
    }

    private RenderedMessage RenderCore(CanonicalMessage message)
    {
        var root = CanonicalJson.ToElement(message);
        var context = new EvalContext(root, NoMetadata, _time, _definition.VariableCount);
        for (var i = 0; i < _definition.Variables.Count; i++)
        {
            try
            {
                context.Variables[i] = _definition.Variables[i].Expr.Eval(context);
            }
            catch (MappingRuntimeException ex)
            {
                throw new MappingRuntimeException(ex.Message, ex.SourcePath ?? _definition.Variables[i].Expr.Text, ex.Value, "$" + _definition.Variables[i].Name);
            }
        }
        var envelope = _definition.Envelope;
        var address = envelope.RenderAddress(context);
        var headers = envelope.RenderHeaders(context);
        var properties = envelope.RenderProperties(context);
        var body = _definition.Body is null ? [] : _definition.Format switch
        {
            OutputFormat.Xml => _definition.Xml!.Write((OutObject)_definition.Body, context),
            OutputFormat.Csv => CsvBodyWriter.Write(_definition.Body, context, _definition.Csv, _definition.Encoding),
            _ => JsonBodyWriter.Write(_definition.Body, context),
        };
        return new RenderedMessage(address, headers, properties, envelope.ContentType, body);
    }
}

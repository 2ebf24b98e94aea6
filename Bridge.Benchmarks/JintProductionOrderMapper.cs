using System.Text;
using System.Text.Json;
using Bridge.Contracts.Messages;
using Bridge.Mappings;
using Bridge.Mappings.Runtime;
using Jint;
using Jint.Native;

namespace Bridge.Benchmarks;

/// <summary>
/// The same mapping as a JavaScript function run by Jint, the way JS-based integration tools do it:
/// JSON.parse the payload, build the result object, JSON.stringify it, deserialize the canonical record.
/// The engine and the function are prepared once. JS has no decimal and Jint no IANA time zones: numbers are
/// doubles and the plant offset is fixed at +01:00 — both simplifications favour Jint.
/// </summary>
internal sealed class JintProductionOrderMapper
{
    private const string Script = """
        function map(text) {
          const src = JSON.parse(text);
          const lookup = (t, k) => { const v = tables[t][k]; if (v === undefined) throw new Error("table '" + t + "' has no entry for key '" + k + "'"); return v; };
          const num = (s) => (s === undefined || s === null || s === '') ? null : Number(String(s).split('.').join('').replace(',', '.'));
          const local = (s) => { const p = s.split(' '); const d = p[0].split('.'); return new Date(d[2] + '-' + d[1] + '-' + d[0] + 'T' + p[1] + ':00+01:00').toISOString(); };
          const line = (c) => ({
            material: lookup('material', c.material),
            quantityPer: num(c.qtyPerUnit),
            unit: lookup('units', c.uom),
            scrapPercent: num(c.scrap) ?? 0,
            isPhantom: c.category === 'PH',
            components: (c.subItems || []).map(line)
          });
          const orderId = src.orderNo.replace(/^0+/, '');
          return JSON.stringify({
            messageId: '00000000-0000-0000-0000-000000000000',
            correlationId: orderId,
            source: 'erp',
            occurredAt: new Date(src.releasedOn).toISOString(),
            orderId: orderId,
            plant: lookup('plant', src.plantCode),
            line: src.lineCode,
            workCenter: src.workCenter,
            storageZone: src.storageZone,
            material: lookup('material', src.header.material),
            quantity: num(src.header.quantity),
            unit: lookup('units', src.header.uom),
            dueAt: local(src.header.finish),
            bom: src.components.map(line),
            docId: src.orderNo,
            docVersion: String(src.revision)
          });
        }
        """;

    private readonly Engine _engine;
    private readonly JsValue _map;

    public JintProductionOrderMapper(IReadOnlyDictionary<string, string> materials, IReadOnlyDictionary<string, string> plants, IReadOnlyDictionary<string, string> units)
    {
        _engine = new Engine(options => options.Strict());
        var tables = JsonSerializer.Serialize(new { material = materials, plant = plants, units });
        _engine.Execute($"const tables = {tables};");
        _engine.Execute(Script);
        _map = _engine.GetValue("map");
    }

    public ProductionOrderReleased Map(ReadOnlyMemory<byte> payload)
    {
        var json = _engine.Invoke(_map, Encoding.UTF8.GetString(payload.Span)).AsString();
        var order = JsonSerializer.Deserialize<ProductionOrderReleased>(json, CanonicalJson.Options)!;
        using var ids = JsonDocument.Parse(json);
        var id = DeterministicId.Create("erp", "production-order", ids.RootElement.GetProperty("docId").GetString()!, ids.RootElement.GetProperty("docVersion").GetString(), 0);
        return order with { MessageId = id };
    }
}

using Bridge.Host.Infrastructure.Storage;

namespace Bridge.Host.Domain.Genealogy;

public sealed class GenealogySchemaScript : IDatabaseSchemaScript
{
    public string Name => "genealogy-v1";

    public int Order => 150;

    public string Sql => """
        create table if not exists genealogy_reports (
            report_id uuid primary key,
            order_id text not null,
            plant text,
            product text not null,
            produced_lot text,
            produced_quantity numeric not null,
            unit text not null,
            occurred_at timestamptz not null);
        create index if not exists genealogy_reports_order on genealogy_reports (order_id);
        create index if not exists genealogy_reports_produced_lot on genealogy_reports (produced_lot) where produced_lot is not null;
        create table if not exists genealogy_inputs (
            report_id uuid not null references genealogy_reports (report_id),
            position int not null,
            material text not null,
            lot text,
            warehouse text,
            supplier_lot text,
            quantity numeric not null,
            unit text not null,
            primary key (report_id, position));
        create index if not exists genealogy_inputs_lot on genealogy_inputs (lot) where lot is not null;
        """;
}

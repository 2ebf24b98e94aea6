using Bridge.Host.Infrastructure.Storage;

namespace Bridge.Host.Domain.Stock;

/// <summary>
/// Tables of the stock view (production mode). <c>as_of</c> is the source time of a bin's last report; <c>stock_picks</c>
/// holds the picks Bridge applied to a bin since (see <see cref="StockPick"/>).
/// </summary>
public sealed class StockSchemaScript : IDatabaseSchemaScript
{
    public string Name => "stock-view-v1";

    public int Order => 100;

    public string Sql => """
        create table if not exists stock (
            warehouse text not null,
            material text not null,
            lot text not null default '',
            location text not null default '',
            status text not null,
            quantity numeric not null,
            unit text not null,
            expires_on date null,
            updated_at timestamptz not null default now(),
            primary key (warehouse, material, lot, location, status));
        alter table stock add column if not exists as_of timestamptz not null default '-infinity';
        create index if not exists stock_material on stock (material);
        create table if not exists stock_reservations (
            reservation_id text not null,
            line_no int not null,
            warehouse text not null,
            material text not null,
            lot text not null default '',
            location text not null default '',
            quantity numeric not null,
            unit text not null,
            created_at timestamptz not null default now(),
            primary key (reservation_id, line_no));
        create index if not exists stock_reservations_material on stock_reservations (material);
        create table if not exists stock_picks (
            warehouse text not null,
            material text not null,
            lot text not null default '',
            location text not null default '',
            picked_at timestamptz not null,
            quantity numeric not null);
        create index if not exists stock_picks_bin on stock_picks (warehouse, material, lot, location);
        """;
}

-- Issue 23: a scenario's last result, written by its run in the run's transaction (and deleted when the scenario
-- changes): the plan's value, bound and the board's value under the same settings; each unreleased release with its
-- capacity in the scenario, the points used, its items and its forecast (dates at 50/85/95 %, the odds of its
-- target); the planned items (gone with their item).
create table scenario_results (
    scenario_id  bigint        not null primary key references scenarios (id) on delete cascade,
    ran_at       timestamp with time zone not null,
    plan_value   bigint        not null,
    bound        bigint        not null,
    optimal      boolean       not null,
    gap_percent  numeric(6, 1) not null,
    seconds      numeric(10, 2) not null,
    board_value  bigint        not null,
    notes        varchar(4000) not null
);

create table scenario_result_releases (
    scenario_id  bigint        not null references scenarios (id) on delete cascade,
    position     integer       not null,
    release_id   bigint        not null,
    name         varchar(100)  not null,
    target_date  date,
    capacity     numeric(10, 1) not null,
    used         numeric(10, 1) not null,
    items        integer       not null,
    p50_date     date,
    p85_date     date,
    p95_date     date,
    probability  double precision,
    flag         varchar(20),
    primary key (scenario_id, position)
);

create table scenario_result_items (
    scenario_id bigint not null references scenarios (id) on delete cascade,
    item_id     bigint not null references items (id) on delete cascade,
    release_id  bigint not null,
    item_value  bigint not null,
    primary key (scenario_id, item_id)
);

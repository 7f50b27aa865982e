-- Sprint review: each done item accepted or rejected against its acceptance criteria, with a reason.
create table sprint_reviews (
    sprint_id    bigint        not null references sprints (id) on delete cascade,
    item_id      bigint        not null references items (id) on delete cascade,
    accepted     boolean       not null,
    reason       varchar(2000) not null default '',
    criteria_met varchar(1000) not null default '',
    reviewed_by  bigint        not null references users (id),
    reviewed_at  timestamp with time zone not null,
    primary key (sprint_id, item_id)
);

-- Passkeys (WebAuthn): the tables of Spring Security's JdbcPublicKeyCredentialUserEntityRepository and
-- JdbcUserCredentialRepository, with its column names. A user entity's name is the Priora user's e-mail
-- (e-mails never change); ids are base64url strings; keys and attestations bytes.
create table user_entities (
    id           varchar(1000) not null primary key,
    name         varchar(320)  not null,
    display_name varchar(320)
);
create unique index user_entities_name_uq on user_entities (name);

create table user_credentials (
    credential_id                varchar(1000) not null primary key,
    user_entity_user_id          varchar(1000) not null references user_entities (id) on delete cascade,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp,
    last_used                    timestamp,
    label                        varchar(1000) not null
);
create index user_credentials_user_ix on user_credentials (user_entity_user_id);

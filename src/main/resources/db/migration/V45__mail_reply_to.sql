-- Where a reply goes: a follow-up to a customer is answered to the product owner who sent it.
alter table mail_outbox add column reply_to varchar(320);

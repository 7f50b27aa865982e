-- A portal vote's feedback names the feedback of the idea it votes on (portal.IdeaVotes): it carries that
-- feedback's sentence vector, kind and sentiment (the voter asks for the same thing), so a vote runs no
-- model, and the similarity index leaves it out (a hundred votes are not a hundred look-alikes to merge).
alter table feedback add column vote_of bigint;

update feedback set vote_of = (
  select max(i.feedback_id) from portal_votes v join portal_ideas i on i.id = v.idea_id
  where v.feedback_id = feedback.id and i.feedback_id <> feedback.id)
where id in (select v.feedback_id from portal_votes v join portal_ideas i on i.id = v.idea_id
             where v.feedback_id is not null and v.feedback_id <> i.feedback_id);

delete from feedback_vector_codes where feedback_id in (select id from feedback where vote_of is not null);

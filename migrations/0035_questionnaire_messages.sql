-- The evaluation questionnaire of En god start sent through the sending engine (issue 14 point 5):
-- the personal questionnaire link of a round, before the first session and after the last, goes
-- as a message on the household's invitation to that session (purpose questionnaire:before|after).
-- One per invitation and round (the UNIQUE on invitation, purpose and channel), so a household
-- gets it once however often the team clicks; and once a reminder to those that have not
-- answered (questionnaire-reminder:before|after).
ALTER TABLE message DROP CONSTRAINT message_purpose_check;
ALTER TABLE message ADD CONSTRAINT message_purpose_check
  CHECK (purpose ~ '^(invitation|promotion|cancellation|thanks|missed|questionnaire(-reminder)?:(before|after)|confirmation:[0-9]+|reminder:[a-z0-9-]{1,40})$');

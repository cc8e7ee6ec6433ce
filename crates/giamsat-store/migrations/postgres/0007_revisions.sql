-- Corrections of tasks and working sessions, in step with migrations/sqlite/0007_revisions.sql:
-- the kind 'revision' is allowed; rows and triggers are untouched.
ALTER TABLE follow_up_records DROP CONSTRAINT follow_up_records_kind_check;
ALTER TABLE follow_up_records ADD CONSTRAINT follow_up_records_kind_check
    CHECK (kind IN ('person', 'position', 'visit', 'delegation', 'working_session', 'task',
        'task_update', 'recommendation', 'answer', 'revision'));

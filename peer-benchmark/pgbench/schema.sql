-- The tables the pgbench workload writes, shaped as this project's (run, journal, waiter, outbox).
DROP TABLE IF EXISTS pb_run, pb_step, pb_waiter, pb_timer, pb_outbox;
CREATE TABLE pb_run (run_id BIGINT PRIMARY KEY, status VARCHAR(16) NOT NULL, input TEXT, output TEXT, updated_at BIGINT NOT NULL);
CREATE TABLE pb_step (run_id BIGINT, seq INT, name VARCHAR(200), outcome VARCHAR(16), result TEXT, PRIMARY KEY (run_id, seq));
CREATE TABLE pb_waiter (id BIGSERIAL PRIMARY KEY, run_id BIGINT NOT NULL, seq INT, event_id VARCHAR(512), state VARCHAR(16), deadline BIGINT);
CREATE INDEX pb_waiter_event ON pb_waiter (event_id, id) WHERE state = 'WAITING';
CREATE INDEX pb_waiter_run ON pb_waiter (run_id);
CREATE TABLE pb_outbox (idempotency_key VARCHAR(600) PRIMARY KEY, run_id BIGINT NOT NULL, body TEXT);

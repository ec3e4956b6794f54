-- One complete order workflow's database work, as this project does it: 2 transactions (the start executes step 1
-- and the wait in its own, the notify steps 3 and 4 and the completion in its own), 8 rows inserted, 4 updated, plus
-- the reads of a wait and a resume. The wait's timeout is armed by its window's timer, shared with the other waits
-- due in the same second: no row of its own. pgbench counts one execution of this script as one transaction.
\set rid random(1, 9000000000000000000)
-- the start, step 1 and the wait
BEGIN;
INSERT INTO pb_run VALUES (:rid, 'RUNNING', '{"orderId":"1","userEmail":"bench@example.com"}', NULL, 0);
INSERT INTO pb_step VALUES (:rid, 1, 'request processing', 'COMPLETED', NULL);
INSERT INTO pb_outbox VALUES (:rid || ':1', :rid, 'processing requested for order 1');
UPDATE pb_run SET status = 'WAITING', updated_at = 2 WHERE run_id = :rid AND status = 'RUNNING';
INSERT INTO pb_waiter (run_id, seq, event_id, state, deadline) VALUES (:rid, 2, 'order-' || :rid, 'WAITING', 0);
COMMIT;
-- the notify, steps 3 and 4 and the completion
BEGIN;
SELECT id FROM pb_waiter WHERE event_id = 'order-' || :rid AND state = 'WAITING';
-- settle the waiter, journal the event and take the run back, in one statement as the project does on PostgreSQL
WITH w AS (UPDATE pb_waiter SET state = 'NOTIFIED' WHERE run_id = :rid AND state = 'WAITING' RETURNING run_id, seq), s AS (INSERT INTO pb_step SELECT run_id, seq, 'wait for order processing', 'NOTIFIED', '{"status":"shipped","trackingNumber":"T"}' FROM w), r AS (UPDATE pb_run SET status = 'RUNNING', updated_at = 3 WHERE run_id = (SELECT run_id FROM w) AND status = 'WAITING' RETURNING *) SELECT * FROM w LEFT JOIN r ON TRUE;
SELECT * FROM pb_step WHERE run_id = :rid ORDER BY seq;
INSERT INTO pb_step VALUES (:rid, 3, 'process order', 'COMPLETED', NULL);
INSERT INTO pb_step VALUES (:rid, 4, 'send confirmation email', 'COMPLETED', NULL);
INSERT INTO pb_outbox VALUES (:rid || ':4', :rid, 'order 1 confirmed');
UPDATE pb_run SET status = 'COMPLETED', output = '"confirmed"', updated_at = 4 WHERE run_id = :rid AND status = 'RUNNING';
COMMIT;

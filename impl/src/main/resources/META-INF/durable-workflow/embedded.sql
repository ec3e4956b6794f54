-- The library's tables on the embedded databases, Derby (Liberty) and H2 (WildFly, Payara), created when DWF_TIMER_WINDOW
-- does not exist yet. Derby has no IF NOT EXISTS; both take this script as it is.
CREATE TABLE DWF_RUN (
    RUN_ID VARCHAR(512) NOT NULL PRIMARY KEY,
    WORKFLOW_NAME VARCHAR(200) NOT NULL,
    STATUS VARCHAR(16) NOT NULL,
    INPUT_JSON CLOB,
    OUTPUT_JSON CLOB,
    ERROR_TEXT VARCHAR(2000),
    CREATED_AT BIGINT NOT NULL,
    UPDATED_AT BIGINT NOT NULL,
    LEASE_OWNER VARCHAR(200),
    LEASE_EXPIRY BIGINT NOT NULL,
    TRACE_PARENT VARCHAR(55)
);
-- recovery: runnable runs by lease expiry; lease renewal: runs by owner
CREATE INDEX DWF_RUN_STATUS_LEASE ON DWF_RUN (STATUS, LEASE_EXPIRY);
CREATE INDEX DWF_RUN_OWNER ON DWF_RUN (LEASE_OWNER, STATUS);
-- GET /runs (the console) reads indexes SchemaInstaller adds after this script, also to databases made before them
CREATE TABLE DWF_STEP (
    RUN_ID VARCHAR(512) NOT NULL,
    SEQ INTEGER NOT NULL,
    STEP_NAME VARCHAR(200) NOT NULL,
    STEP_TYPE VARCHAR(16) NOT NULL,
    OUTCOME VARCHAR(16) NOT NULL,
    RESULT_TEXT CLOB,
    ERROR_TEXT VARCHAR(2000),
    CREATED_AT BIGINT NOT NULL,
    PRIMARY KEY (RUN_ID, SEQ)
);
-- waiter and event ids come from the server (EmbeddedIds), not from identity columns, whose generator fails
-- concurrent inserts with lock timeouts
CREATE TABLE DWF_WAITER (
    ID BIGINT NOT NULL PRIMARY KEY,
    RUN_ID VARCHAR(512) NOT NULL,
    SEQ INTEGER NOT NULL,
    STEP_NAME VARCHAR(200) NOT NULL,
    STEP_TYPE VARCHAR(16) NOT NULL,
    EVENT_ID VARCHAR(512),
    EVENT_TYPE VARCHAR(500),
    STATE VARCHAR(16) NOT NULL,
    DEADLINE BIGINT NOT NULL,
    CREATED_AT BIGINT NOT NULL,
    CONSTRAINT DWF_WAITER_RUN_SEQ UNIQUE (RUN_ID, SEQ)
);
-- notify: the waiters of an event id (also the runs of an event id in GET /runs); recovery: waiters past their
-- deadline
CREATE INDEX DWF_WAITER_EVENT ON DWF_WAITER (EVENT_ID, STATE);
CREATE INDEX DWF_WAITER_DEADLINE ON DWF_WAITER (STATE, DEADLINE);
CREATE TABLE DWF_EVENT (
    ID BIGINT NOT NULL PRIMARY KEY,
    EVENT_ID VARCHAR(512) NOT NULL,
    RUN_ID VARCHAR(512),
    EVENT_DATA CLOB,
    CREATED_AT BIGINT NOT NULL,
    EXPIRES_AT BIGINT NOT NULL
);
-- a wait: the kept events of its event id, oldest first; clean-up: expired events
CREATE INDEX DWF_EVENT_ID ON DWF_EVENT (EVENT_ID, ID);
CREATE INDEX DWF_EVENT_EXPIRY ON DWF_EVENT (EXPIRES_AT);
-- the windows of deadlines whose persistent timer is armed, one row each, so that one server arms each
CREATE TABLE DWF_TIMER_WINDOW (
    WINDOW_START BIGINT NOT NULL PRIMARY KEY
);

package org.durableworkflow.peers.measure;

/** A reading of one database's commits ({@code pg_stat_database}) and row writes ({@code pg_stat_user_tables}). */
public record PgStats(long commits, long inserted, long updated, long deleted) {

    public PgStats minus(PgStats earlier) {
        return new PgStats(commits - earlier.commits, inserted - earlier.inserted, updated - earlier.updated,
                deleted - earlier.deleted);
    }

    public long rowsWritten() {
        return inserted + updated + deleted;
    }
}

package org.durableworkflow.impl.store;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import org.durableworkflow.api.RunStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The queries on runs' leases: the recovery sweep's claims of runs nobody holds, and its renewals. Through JPA. */
@ApplicationScoped
public class LeaseStore {

    /** Run ids per statement that renews leases: a server's queue may hold thousands. */
    private static final int RENEWALS_PER_STATEMENT = 500;

    @Inject
    SchemaInstaller schema;

    private EntityManager em;

    @PostConstruct
    void lookUp() {
        em = JpaContext.lookUpEntityManager();
    }

    /**
     * Takes the leases of up to {@code max} runnable runs whose lease expired, whoever held it (at start also those
     * this server held before it stopped), and returns their ids. Of several servers claiming at once, each run goes
     * to exactly one: on PostgreSQL one {@code UPDATE ... FOR UPDATE SKIP LOCKED} statement, where servers skip the
     * rows another is claiming instead of waiting for them; elsewhere a read, then a conditional update per run.
     */
    public List<String> claimRuns(long now, String owner, long leaseExpiry, boolean includeOwn, int max) {
        if (schema.postgres()) {
            return claimSkippingLocked(now, owner, leaseExpiry, includeOwn, max);
        }
        String claimable = claimable(includeOwn);
        TypedQuery<String> candidates = JpaContext.fresh(em.createQuery("SELECT r.runId FROM RunEntity r"
                + " WHERE r.status = :running AND " + claimable + " ORDER BY r.leaseExpiry", String.class));
        Query claim = em.createQuery("UPDATE RunEntity r SET r.leaseOwner = :owner, r.leaseExpiry = :expiry"
                + " WHERE r.runId = :run AND r.status = :running AND " + claimable);
        if (includeOwn) {
            candidates.setParameter("owner", owner);
        }
        claim.setParameter("owner", owner).setParameter("expiry", leaseExpiry)
                .setParameter("running", RunStatus.RUNNING).setParameter("now", now);
        List<String> claimed = new ArrayList<>();
        for (String runId : candidates.setParameter("running", RunStatus.RUNNING).setParameter("now", now)
                .setMaxResults(max).getResultList()) {
            if (claim.setParameter("run", runId).executeUpdate() == 1) {
                claimed.add(runId);
            }
        }
        return claimed;
    }

    @SuppressWarnings("unchecked")
    private List<String> claimSkippingLocked(long now, String owner, long leaseExpiry, boolean includeOwn, int max) {
        String own = includeOwn ? " OR LEASE_OWNER = ?4" : "";
        Query claim = em.createNativeQuery("UPDATE DWF_RUN SET LEASE_OWNER = ?4, LEASE_EXPIRY = ?5"
                + " WHERE RUN_ID IN (SELECT RUN_ID FROM DWF_RUN WHERE STATUS = ?1 AND (LEASE_EXPIRY < ?2" + own + ")"
                + " ORDER BY LEASE_EXPIRY LIMIT ?3 FOR UPDATE SKIP LOCKED) RETURNING RUN_ID");
        return (List<String>) claim.setParameter(1, RunStatus.RUNNING.name()).setParameter(2, now)
                .setParameter(3, max).setParameter(4, owner).setParameter(5, leaseExpiry).getResultList();
    }

    private static String claimable(boolean includeOwn) {
        return includeOwn ? "(r.leaseExpiry < :now OR r.leaseOwner = :owner)" : "r.leaseExpiry < :now";
    }

    /**
     * Extends this server's leases on {@code runIds}, the runs it is executing now or has queued to execute; a run it
     * holds but does neither with (its execution failed on the database, say) lets its lease expire, so that a sweep
     * takes it up again.
     */
    public int renewLeases(String owner, long leaseExpiry, Collection<String> runIds) {
        List<String> ids = List.copyOf(runIds);
        int renewed = 0;
        for (int from = 0; from < ids.size(); from += RENEWALS_PER_STATEMENT) {
            renewed += em.createQuery("UPDATE RunEntity r SET r.leaseExpiry = :expiry"
                            + " WHERE r.leaseOwner = :owner AND r.status = :running AND r.runId IN :runs")
                    .setParameter("expiry", leaseExpiry).setParameter("owner", owner)
                    .setParameter("running", RunStatus.RUNNING)
                    .setParameter("runs", ids.subList(from, Math.min(ids.size(), from + RENEWALS_PER_STATEMENT)))
                    .executeUpdate();
        }
        return renewed;
    }

    /** Holds a RUNNING run under {@code owner}'s lease until {@code leaseExpiry}, whatever lease it had. */
    public boolean park(String runId, String owner, long leaseExpiry) {
        return em.createQuery("UPDATE RunEntity r SET r.leaseOwner = :owner, r.leaseExpiry = :expiry"
                + " WHERE r.runId = :run AND r.status = :running").setParameter("owner", owner)
                .setParameter("expiry", leaseExpiry).setParameter("run", runId)
                .setParameter("running", RunStatus.RUNNING).executeUpdate() == 1;
    }

    /**
     * Expires now the leases {@code owner} holds on runnable runs, but those of {@code keep} (runs it still executes),
     * so that another server claims them at its next sweep instead of a lease later: the last act of a server that
     * stops.
     */
    public int releaseLeases(String owner, Collection<String> keep) {
        String kept = keep.isEmpty() ? "" : " AND r.runId NOT IN :keep";
        Query release = em.createQuery("UPDATE RunEntity r SET r.leaseExpiry = 0"
                + " WHERE r.leaseOwner = :owner AND r.status = :running" + kept)
                .setParameter("owner", owner).setParameter("running", RunStatus.RUNNING);
        if (!keep.isEmpty()) {
            release.setParameter("keep", List.copyOf(keep));
        }
        return release.executeUpdate();
    }
}

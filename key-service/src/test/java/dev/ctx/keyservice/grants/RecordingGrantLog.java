package dev.ctx.keyservice.grants;

import java.util.ArrayList;
import java.util.List;

import dev.ctx.keyservice.participants.StoreUnavailableException;
import dev.ctx.schemas.access.AccessEvent;

/** A {@link GrantLog} in memory: keeps every commit (grant record and event together), or refuses when told to. */
public final class RecordingGrantLog implements GrantLog {

    /** One committed transaction. */
    public record Commit(GrantState state, AccessEvent event) {}

    private final List<Commit> commits = new ArrayList<>();
    private boolean failing;

    @Override
    public synchronized void commit(GrantState state, AccessEvent event) {
        if (failing) {
            throw new StoreUnavailableException("test: commit refused", null);
        }
        commits.add(new Commit(state, event));
    }

    public synchronized void failCommits(boolean fail) {
        this.failing = fail;
    }

    public synchronized List<Commit> commits() {
        return List.copyOf(commits);
    }
}

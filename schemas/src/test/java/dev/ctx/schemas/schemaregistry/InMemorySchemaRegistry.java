package dev.ctx.schemas.schemaregistry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.avro.Schema;

/**
 * A complete in-process schema registry with Confluent's semantics: global ids stable per schema across subjects,
 * idempotent registration, per-subject versions, and compatibility levels (default {@link CompatibilityLevel#BACKWARD})
 * enforced on registration. Thread-safe. Test support, in the {@code ctx-schemas} test fixtures: used for
 * {@code mock://} URLs and behind the test registry server; never in a production artifact.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private final Map<String, Integer> idsBySchemaText = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new TreeMap<>();
    private final Map<String, CompatibilityLevel> levelsBySubject = new HashMap<>();
    private CompatibilityLevel defaultLevel = CompatibilityLevel.BACKWARD;
    private int nextId = 1;

    @Override
    public synchronized int register(String subject, Schema schema) {
        Optional<RegisteredSchema> existing = findInSubject(subject, schema);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        requireCompatible(subject, schema);
        int id = idsBySchemaText.computeIfAbsent(schema.toString(), text -> allocateId(schema));
        versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
        return id;
    }

    /**
     * Registers {@code schema} under {@code subject} with a chosen global id, as Confluent's IMPORT mode does. Used to
     * pin ids in golden-byte tests.
     *
     * @throws IllegalStateException if the id is taken by another schema or the schema has another id
     */
    public synchronized int registerWithId(String subject, Schema schema, int id) {
        Schema holder = schemasById.get(id);
        Integer current = idsBySchemaText.get(schema.toString());
        if ((holder != null && !holder.equals(schema)) || (current != null && current != id)) {
            throw new IllegalStateException("schema id " + id + " conflicts with an existing registration");
        }
        idsBySchemaText.put(schema.toString(), id);
        schemasById.put(id, schema);
        nextId = Math.max(nextId, id + 1);
        if (findInSubject(subject, schema).isEmpty()) {
            versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
        }
        return id;
    }

    @Override
    public synchronized int getId(String subject, Schema schema) {
        return lookup(subject, schema).id();
    }

    /** Returns the version of {@code subject} that holds {@code schema} (Confluent's {@code POST /subjects/{s}}). */
    public synchronized RegisteredSchema lookup(String subject, Schema schema) {
        requireSubject(subject);
        return findInSubject(subject, schema)
                .orElseThrow(() -> new SchemaNotFoundException(
                        404, SchemaRegistryException.SCHEMA_NOT_FOUND, "schema not found under subject " + subject));
    }

    @Override
    public synchronized Schema getSchemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaNotFoundException(
                    404, SchemaRegistryException.SCHEMA_NOT_FOUND, "schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema getLatestVersion(String subject) {
        return getVersion(subject, requireSubject(subject).size());
    }

    /** Returns version {@code version} (1-based) of {@code subject}. */
    public synchronized RegisteredSchema getVersion(String subject, int version) {
        List<Integer> ids = requireSubject(subject);
        if (version < 1 || version > ids.size()) {
            throw new SchemaNotFoundException(
                    404,
                    SchemaRegistryException.VERSION_NOT_FOUND,
                    "version " + version + " of subject " + subject + " not found");
        }
        int id = ids.get(version - 1);
        return new RegisteredSchema(subject, version, id, schemasById.get(id));
    }

    @Override
    public synchronized boolean testCompatibility(String subject, Schema schema) {
        return compatibility(subject).isCompatible(schema, schemasOf(subject));
    }

    /** Returns the registered subjects in name order. */
    public synchronized List<String> subjects() {
        return List.copyOf(versionsBySubject.keySet());
    }

    /** Returns the version numbers of {@code subject}, oldest first. */
    public synchronized List<Integer> versions(String subject) {
        int count = requireSubject(subject).size();
        List<Integer> versions = new ArrayList<>(count);
        for (int v = 1; v <= count; v++) {
            versions.add(v);
        }
        return versions;
    }

    /** Returns the compatibility level in force for {@code subject} (its own, else the default). */
    public synchronized CompatibilityLevel compatibility(String subject) {
        return levelsBySubject.getOrDefault(subject, defaultLevel);
    }

    /** Returns the registry-wide default compatibility level. */
    public synchronized CompatibilityLevel defaultCompatibility() {
        return defaultLevel;
    }

    /** Sets the compatibility level of one subject. */
    public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
        levelsBySubject.put(subject, level);
    }

    /** Sets the registry-wide default compatibility level. */
    public synchronized void setDefaultCompatibility(CompatibilityLevel level) {
        defaultLevel = level;
    }

    private int allocateId(Schema schema) {
        while (schemasById.containsKey(nextId)) {
            nextId++;
        }
        schemasById.put(nextId, schema);
        return nextId++;
    }

    private void requireCompatible(String subject, Schema schema) {
        if (!testCompatibility(subject, schema)) {
            throw new IncompatibleSchemaException("schema being registered is incompatible with an earlier schema for"
                    + " subject " + subject + " (level " + compatibility(subject) + ")");
        }
    }

    private Optional<RegisteredSchema> findInSubject(String subject, Schema schema) {
        List<Integer> ids = versionsBySubject.getOrDefault(subject, List.of());
        Integer id = idsBySchemaText.get(schema.toString());
        int index = id == null ? -1 : ids.indexOf(id);
        return index < 0 ? Optional.empty() : Optional.of(new RegisteredSchema(subject, index + 1, id, schema));
    }

    private List<Schema> schemasOf(String subject) {
        return versionsBySubject.getOrDefault(subject, List.of()).stream()
                .map(schemasById::get)
                .toList();
    }

    private List<Integer> requireSubject(String subject) {
        List<Integer> ids = versionsBySubject.get(subject);
        if (ids == null) {
            throw new SchemaNotFoundException(
                    404, SchemaRegistryException.SUBJECT_NOT_FOUND, "subject " + subject + " not found");
        }
        return ids;
    }
}

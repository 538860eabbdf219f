package dev.ctx.schemas.evolution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/** Reads the committed snapshots of one record and checks a schema against them. */
final class SchemaHistory {

    static final Path ROOT = Path.of("src/test/resources/schema-history");
    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

    private final Path directory;

    SchemaHistory(String recordFullName) {
        this.directory = ROOT.resolve(recordFullName);
    }

    Path directory() {
        return directory;
    }

    /** Returns the snapshots, oldest first (v1, v2, ...). */
    List<Snapshot> snapshots() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(SchemaHistory::snapshot)
                    .filter(s -> s != null)
                    .sorted(Comparator.comparingInt(Snapshot::version))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the BACKWARD problems of {@code reader} against every snapshot; empty when it reads them all. */
    static List<String> backwardProblems(Schema reader, List<Snapshot> snapshots) {
        List<String> problems = new ArrayList<>();
        for (Snapshot snapshot : snapshots) {
            for (Incompatibility problem : SchemaCompatibility.checkReaderWriterCompatibility(reader, snapshot.schema())
                    .getResult()
                    .getIncompatibilities()) {
                problems.add("cannot read v" + snapshot.version() + ": " + problem.getType() + " at "
                        + problem.getLocation() + " (" + problem.getMessage() + ")");
            }
        }
        return problems;
    }

    private static Snapshot snapshot(Path file) {
        Matcher matcher = VERSION_FILE.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            return null;
        }
        try {
            return new Snapshot(Integer.parseInt(matcher.group(1)), new Schema.Parser().parse(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One committed version. */
    record Snapshot(int version, Schema schema) {}
}

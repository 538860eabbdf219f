package dev.ctx.client.keyfile;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files only their owner may read or write ({@code rw-------}), created that way (never widened, then narrowed), and
 * refused on read when group or others have any permission, as ssh refuses an unprotected private key.
 */
final class OwnerOnlyFiles {

    static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private OwnerOnlyFiles() {}

    /** Creates {@code file} with owner-only permissions; refuses to overwrite an existing file. */
    static void createNew(Path file, byte[] content) {
        try {
            Files.write(Files.createFile(file, ownerOnly(file)), content);
        } catch (FileAlreadyExistsException e) {
            throw new KeyFileException("key file " + file + " already exists; not overwriting a key", e);
        } catch (IOException e) {
            throw new KeyFileException("cannot write key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces {@code file} atomically with {@code content}, through an owner-only sibling. */
    static void replace(Path file, byte[] content) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Path temporary = Files.createTempFile(parent, ".ctx-key-", ".tmp", ownerOnly(parent));
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new KeyFileException("cannot rewrite key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The content of {@code file}, if only its owner may read it. */
    static byte[] read(Path file) {
        try {
            requireOwnerOnly(file);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KeyFileException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void requireOwnerOnly(Path file) throws IOException {
        if (!isPosix(file)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new KeyFileException("key file " + file + " has permissions "
                    + PosixFilePermissions.toString(permissions) + "; a private key file must be rw------- "
                    + "(chmod 600)");
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        return isPosix(file)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}

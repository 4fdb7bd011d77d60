package dev.mamori.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Just enough of a Unix account to run PostgreSQL as someone other than root. */
record UnixUser(String name, int uid, int gid) {

    static UnixUser current() {
        try {
            com.sun.security.auth.module.UnixSystem u = new com.sun.security.auth.module.UnixSystem();
            return new UnixUser(u.getUsername(), (int) u.getUid(), (int) u.getGid());
        } catch (RuntimeException | LinkageError e) {
            String name = System.getProperty("user.name");
            return new UnixUser(name, "root".equals(name) ? 0 : -1, -1);
        }
    }

    boolean isRoot() {
        return uid == 0;
    }

    /** The account PostgreSQL runs as when the launcher runs as root: $MAMORI_PG_USER, else nobody. */
    static UnixUser unprivileged() {
        String name = System.getenv().getOrDefault("MAMORI_PG_USER", "nobody");
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":");
                if (f.length >= 4 && f[0].equals(name)) {
                    UnixUser u = new UnixUser(name, Integer.parseInt(f[2]), Integer.parseInt(f[3]));
                    if (u.isRoot()) {
                        break;
                    }
                    return u;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        throw new SuiteException("PostgreSQL refuses to run as root and there is no unprivileged user '" + name
                + "' to run it as. Run the launcher as a normal user, set MAMORI_PG_USER to an existing"
                + " non-root user, or set DB_HOST to use an existing PostgreSQL.");
    }

    /** The command prefix that runs a program as this user (the launcher being root). */
    List<String> runAsPrefix() {
        var setpriv = ChildProcess.findOnPath("setpriv");
        if (setpriv.isPresent()) {
            return List.of(setpriv.get().toString(), "--reuid=" + uid, "--regid=" + gid, "--clear-groups");
        }
        var runuser = ChildProcess.findOnPath("runuser");
        if (runuser.isPresent()) {
            return List.of(runuser.get().toString(), "-u", name, "--");
        }
        throw new SuiteException("PostgreSQL refuses to run as root, and neither setpriv nor runuser (util-linux) is"
                + " installed to run it as '" + name + "'. Install util-linux, run as a normal user, or set DB_HOST.");
    }

    void chownTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    /** True if this user can get through every existing folder above {@code path}. */
    boolean canReach(Path path) {
        try {
            for (Path dir = path.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir) && !canEnter(dir)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean canEnter(Path dir) throws IOException {
        int owner = (Integer) Files.getAttribute(dir, "unix:uid");
        int group = (Integer) Files.getAttribute(dir, "unix:gid");
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
        return owner == uid
                ? perms.contains(PosixFilePermission.OWNER_EXECUTE)
                : group == gid
                        ? perms.contains(PosixFilePermission.GROUP_EXECUTE)
                        : perms.contains(PosixFilePermission.OTHERS_EXECUTE);
    }

    /** Fails with a clear message if this user cannot get through every existing folder above {@code path}. */
    void checkCanReach(Path path, String why) throws IOException {
        for (Path dir = path.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
            if (!canEnter(dir)) {
                throw new SuiteException(
                        why + ", but that user cannot enter " + dir + " (mode "
                                + PosixFilePermissions.toString(perms)
                                + "). Use a data folder it can reach (for example"
                                + " --data /var/tmp/mamori), run as a normal user, or set DB_HOST to use an existing PostgreSQL.");
            }
        }
    }
}

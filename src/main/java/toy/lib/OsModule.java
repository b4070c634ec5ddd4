package toy.lib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import toy.object.*;
import toy.vm.Runtime;

/**
 * The {@code os} module (process ids, environment, files and directories) and its submodule
 * {@code os.path} (CPython's {@code posixpath}), with CPython's OSError subclasses, errno values
 * and messages ({@code [Errno 2] No such file or directory: 'x'}).
 *
 * <p>{@code os.environ} is a dict snapshot of the environment taken at start-up, in the order of
 * the process environment; {@code os.getenv} reads it, so assignments to it are seen by getenv.
 */
public final class OsModule {
    private OsModule() {}

    static final int ENOENT = 2, EACCES = 13, EEXIST = 17, EXDEV = 18, ENOTDIR = 20, EISDIR = 21, EINVAL = 22,
            ENOTEMPTY = 39, ELOOP = 40;

    private static final Map<Integer, String> STRERROR = new LinkedHashMap<>();

    static {
        String[] table = {
            "1", "Operation not permitted", "2", "No such file or directory", "3", "No such process",
            "4", "Interrupted system call", "5", "Input/output error", "9", "Bad file descriptor",
            "11", "Resource temporarily unavailable", "12", "Cannot allocate memory", "13", "Permission denied",
            "16", "Device or resource busy", "17", "File exists", "18", "Invalid cross-device link",
            "20", "Not a directory", "21", "Is a directory", "22", "Invalid argument", "24", "Too many open files",
            "28", "No space left on device", "30", "Read-only file system", "32", "Broken pipe",
            "36", "File name too long", "39", "Directory not empty", "40", "Too many levels of symbolic links",
            "95", "Operation not supported", "110", "Connection timed out", "111", "Connection refused",
        };
        for (int i = 0; i < table.length; i += 2) STRERROR.put(Integer.parseInt(table[i]), table[i + 1]);
    }

    static String strerror(int errno) {
        String s = STRERROR.get(errno);
        return s != null ? s : "Unknown error " + errno;
    }

    /** An OSError (its subclass for the errno, as CPython picks it) with filename(s). */
    static PyException osError(int errno, String filename, String filename2) {
        PyType type = switch (errno) {
            case ENOENT -> Exc.FileNotFoundError;
            case EEXIST -> Exc.FileExistsError;
            case ENOTDIR -> Exc.NotADirectoryError;
            case EISDIR -> Exc.IsADirectoryError;
            case EACCES, 1 -> Exc.PermissionError;
            case 3 -> Exc.ProcessLookupError;
            case 4 -> Exc.InterruptedError;
            case 10 -> Exc.ChildProcessError;
            case 11, 114, 115 -> Exc.BlockingIOError;
            case 32, 108 -> Exc.BrokenPipeError;
            case 103 -> Exc.ConnectionAbortedError;
            case 104 -> Exc.ConnectionResetError;
            case 110 -> Exc.TimeoutError;
            case 111 -> Exc.ConnectionRefusedError;
            default -> Exc.OSError;
        };
        return new PyException(new OSErrorInstance(type, errno, strerror(errno), filename, filename2));
    }

    /**
     * An OSError raised by this module: args (errno, strerror), the attributes errno, strerror,
     * filename and filename2, and CPython's message {@code [Errno 2] No such file or directory: 'x'}.
     */
    static final class OSErrorInstance extends PyBaseException {
        OSErrorInstance(PyType type, int errno, String strerror, String filename, String filename2) {
            super(type, PyTuple.of(PyInt.of(errno), PyStr.of(strerror)));
            dictPut("errno", PyInt.of(errno));
            dictPut("strerror", PyStr.of(strerror));
            dictPut("filename", filename == null ? Py.None : PyStr.of(filename));
            dictPut("filename2", filename2 == null ? Py.None : PyStr.of(filename2));
        }

        @Override public String str() {
            PyObject errno = dict.get("errno"), strerror = dict.get("strerror");
            PyObject filename = dict.get("filename"), filename2 = dict.get("filename2");
            String head = "[Errno " + Ops.str(errno) + "] " + Ops.str(strerror);
            if (filename == null || filename == Py.None) return head;
            if (filename2 == null || filename2 == Py.None) return head + ": " + Ops.repr(filename);
            return head + ": " + Ops.repr(filename) + " -> " + Ops.repr(filename2);
        }
    }

    /** Translates a Java file-system exception into CPython's OSError. */
    static PyException osError(IOException e, String filename, String filename2) {
        int errno;
        if (e instanceof NoSuchFileException) errno = ENOENT;
        else if (e instanceof FileAlreadyExistsException) errno = EEXIST;
        else if (e instanceof DirectoryNotEmptyException) errno = ENOTEMPTY;
        else if (e instanceof AccessDeniedException) errno = EACCES;
        else if (e instanceof NotDirectoryException) errno = ENOTDIR;
        else if (e instanceof FileSystemException fse && fse.getReason() != null) errno = errnoForReason(fse.getReason());
        else errno = 5;
        return osError(errno, filename, filename2);
    }

    private static int errnoForReason(String reason) {
        for (Map.Entry<Integer, String> en : STRERROR.entrySet()) {
            if (reason.contains(en.getValue())) return en.getKey();
        }
        return 5;
    }

    // ----- module ------------------------------------------------------------------------------

    public static PyModule create(Runtime rt) {
        PyModule m = new PyModule("os");
        PyDict d = m.dict;
        PyModule path = createPath(rt);
        rt.modules.put("os.path", path);
        d.put("path", path);
        d.put("name", PyStr.of("posix"));
        d.put("sep", PyStr.of("/"));
        d.put("altsep", Py.None);
        d.put("extsep", PyStr.of("."));
        d.put("pathsep", PyStr.of(":"));
        d.put("linesep", PyStr.of("\n"));
        d.put("curdir", PyStr.of("."));
        d.put("pardir", PyStr.of(".."));
        d.put("devnull", PyStr.of("/dev/null"));
        d.put("error", Exc.OSError);
        PyDict environ = environSnapshot();
        d.put("environ", environ);

        m.def("getpid", (a, k) -> { Args.checkCount("getpid", a, 0, 0); return PyInt.of(ProcessHandle.current().pid()); });
        m.def("getppid", (a, k) -> {
            Args.checkCount("getppid", a, 0, 0);
            return PyInt.of(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L));
        });
        m.def("cpu_count", (a, k) -> { Args.checkCount("cpu_count", a, 0, 0); return PyInt.of(cpuCount()); });
        m.def("getcwd", (a, k) -> { Args.checkCount("getcwd", a, 0, 0); return PyStr.of(cwd()); });
        m.def("strerror", (a, k) -> {
            Args.checkCount("strerror", a, 1, 1);
            return PyStr.of(strerror(Ops.index(a[0]).intValue()));
        });
        m.def("getenv", (a, k) -> {
            PyObject[] p = Args.parse("getenv", a, k, new String[] {"key", "default"}, 0, 2);
            if (p[0] == null) throw Exc.typeError("getenv() missing 1 required positional argument: 'key'");
            if (!(p[0] instanceof PyStr)) throw Exc.typeError("str expected, not " + p[0].type.name);
            // as os.py: environ.get(key, default), with the environ the module holds now (a script
            // may rebind os.environ; the dict made at start-up is not held here)
            PyObject env = m.dict.get("environ");
            if (env == null) throw Exc.nameError("environ");
            PyObject dflt = p[1] == null ? Py.None : p[1];
            if (env instanceof PyDict ed && ed.type == PyDict.TYPE) {
                PyObject v = ed.get(p[0]);
                return v != null ? v : dflt;
            }
            return Ops.invoke(env, "get", p[0], dflt);
        });
        m.def("listdir", (a, k) -> {
            PyObject[] p = Args.parse("listdir", a, k, new String[] {"path"}, 0, 1);
            String dir = p[0] == null || p[0] == Py.None ? "." : pathArg("listdir", p[0], "string, bytes, os.PathLike, integer or None");
            return listdir(dir);
        });
        m.def("mkdir", (a, k) -> {
            PyObject[] p = Args.parse("mkdir", a, k, new String[] {"path", "mode", "dir_fd"}, 1, 3);
            mkdir(pathArg("mkdir", p[0], "string, bytes or os.PathLike"), p[1] == null ? 0777 : Ops.index(p[1]).intValue());
            return Py.None;
        });
        m.def("makedirs", (a, k) -> {
            PyObject[] p = Args.parse("makedirs", a, k, new String[] {"name", "mode", "exist_ok"}, 1, 3);
            makedirs(fspath(p[0]), p[1] == null ? 0777 : Ops.index(p[1]).intValue(), p[2] != null && Ops.isTrue(p[2]));
            return Py.None;
        });
        PyBuiltinFunction.Impl remove = (a, k) -> {
            PyObject[] p = Args.parse("remove", a, k, new String[] {"path", "dir_fd"}, 1, 2);
            remove(pathArg("remove", p[0], "string, bytes or os.PathLike"));
            return Py.None;
        };
        m.def("remove", remove);
        m.def("unlink", (a, k) -> {
            PyObject[] p = Args.parse("unlink", a, k, new String[] {"path", "dir_fd"}, 1, 2);
            remove(pathArg("unlink", p[0], "string, bytes or os.PathLike"));
            return Py.None;
        });
        m.def("rmdir", (a, k) -> {
            PyObject[] p = Args.parse("rmdir", a, k, new String[] {"path", "dir_fd"}, 1, 2);
            rmdir(pathArg("rmdir", p[0], "string, bytes or os.PathLike"));
            return Py.None;
        });
        m.def("removedirs", (a, k) -> {
            PyObject[] p = Args.parse("removedirs", a, k, new String[] {"name"}, 1, 1);
            removedirs(fspath(p[0]));
            return Py.None;
        });
        m.def("rename", (a, k) -> {
            PyObject[] p = Args.parse("rename", a, k, new String[] {"src", "dst", "src_dir_fd", "dst_dir_fd"}, 2, 2);
            rename(pathArg("rename", p[0], "string, bytes or os.PathLike"), pathArg("rename", p[1], "string, bytes or os.PathLike"));
            return Py.None;
        });
        m.def("replace", (a, k) -> {
            PyObject[] p = Args.parse("replace", a, k, new String[] {"src", "dst", "src_dir_fd", "dst_dir_fd"}, 2, 2);
            rename(pathArg("replace", p[0], "string, bytes or os.PathLike"), pathArg("replace", p[1], "string, bytes or os.PathLike"));
            return Py.None;
        });
        m.def("fspath", (a, k) -> {
            PyObject[] p = Args.parse("fspath", a, k, new String[] {"path"}, 1, 1);
            return PyStr.of(fspath(p[0]));
        });
        return m;
    }

    /** The factory of "os.path" for `import os.path` before `import os`: the os module's path. */
    public static PyModule pathModule(Runtime rt) {
        PyModule os = (PyModule) toy.vm.Imports.importModule("os");
        return (PyModule) os.dict.get("path");
    }

    /** os.environ at start-up, in the order of the process environment. */
    private static PyDict environSnapshot() {
        PyDict env = new PyDict();
        Map<String, String> javaEnv = System.getenv();
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc/self/environ"));
            for (String entry : new String(raw, StandardCharsets.UTF_8).split("\0")) {
                int eq = entry.indexOf('=', 1);
                if (eq <= 0) continue;
                String key = entry.substring(0, eq);
                if (javaEnv.containsKey(key)) env.put(PyStr.of(key), PyStr.of(javaEnv.get(key)));
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the order of Java's map
        }
        for (Map.Entry<String, String> en : javaEnv.entrySet()) {
            PyStr key = PyStr.of(en.getKey());
            if (!env.containsKey(key)) env.put(key, PyStr.of(en.getValue()));
        }
        return env;
    }

    private static int cpuCount() {
        try {
            String online = Files.readString(Path.of("/sys/devices/system/cpu/online")).trim();
            int count = 0;
            for (String part : online.split(",")) {
                int dash = part.indexOf('-');
                if (dash < 0) count++;
                else count += Integer.parseInt(part.substring(dash + 1)) - Integer.parseInt(part.substring(0, dash)) + 1;
            }
            if (count > 0) return count;
        } catch (IOException | RuntimeException e) {
            // fall back to what the JVM sees
        }
        return java.lang.Runtime.getRuntime().availableProcessors();
    }

    static String cwd() { return System.getProperty("user.dir"); }

    /** The file-system path a script gave: str, or an object with __fspath__. */
    static String fspath(PyObject o) {
        if (o instanceof PyStr s) return s.value;
        PyObject m = o.type.lookup("__fspath__");
        if (m != null) {
            PyObject r = Ops.callMethod(m, o);
            if (r instanceof PyStr s) return s.value;
            throw Exc.typeError("expected " + o.type.name + ".__fspath__() to return str or bytes, not " + r.type.name);
        }
        throw Exc.typeError("expected str, bytes or os.PathLike object, not " + o.type.name);
    }

    /** A path argument of an os function: "fname: path should be ..., not T" otherwise. */
    private static String pathArg(String fname, PyObject o, String expected) {
        if (o instanceof PyStr s) return s.value;
        if (o.type.lookup("__fspath__") != null) return fspath(o);
        throw Exc.typeError(fname + ": path should be " + expected + ", not " + o.type.name);
    }

    /** A Java path for a script path, relative to the working directory. */
    static Path javaPath(String p) { return Path.of(cwd()).resolve(p); }

    private static boolean lexists(String p) {
        return !p.isEmpty() && Files.exists(javaPath(p), LinkOption.NOFOLLOW_LINKS);
    }

    private static PyList listdir(String dir) {
        if (dir.isEmpty()) throw osError(ENOENT, dir, null);
        Path p = javaPath(dir);
        if (!Files.exists(p)) throw osError(ENOENT, dir, null);
        if (!Files.isDirectory(p)) throw osError(ENOTDIR, dir, null);
        PyList out = new PyList();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
            for (Path entry : ds) out.append(PyStr.of(entry.getFileName().toString()));
        } catch (IOException e) {
            throw osError(e, dir, null);
        }
        return out;
    }

    private static void mkdir(String dir, int mode) {
        if (dir.isEmpty()) throw osError(ENOENT, dir, null);
        Path p = javaPath(dir);
        if (lexists(dir)) throw osError(EEXIST, dir, null);
        Path parent = p.getParent();
        if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) throw osError(ENOTDIR, dir, null);
        try {
            try {
                Files.createDirectory(p, PosixFilePermissions.asFileAttribute(permissions(mode)));
            } catch (UnsupportedOperationException e) {
                Files.createDirectory(p);
            }
        } catch (IOException e) {
            throw osError(e, dir, null);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int i = 0; i < 9; i++) if ((mode & (1 << i)) != 0) s.add(order[i]);
        return s;
    }

    /** os.makedirs, as Lib/os.py. */
    private static void makedirs(String name, int mode, boolean existOk) {
        String[] ht = PathFunctions.split(name);
        String head = ht[0], tail = ht[1];
        if (tail.isEmpty()) {
            ht = PathFunctions.split(head);
            head = ht[0];
            tail = ht[1];
        }
        if (!head.isEmpty() && !tail.isEmpty() && !Files.exists(javaPath(head))) {
            try {
                makedirs(head, 0777, existOk);
            } catch (PyException e) {
                if (!e.matches(Exc.FileExistsError)) throw e;
                Refs.state().caught();
            }
            if (tail.equals(".")) return;
        }
        try {
            mkdir(name, mode);
        } catch (PyException e) {
            if (!e.matches(Exc.OSError) || !existOk || !Files.isDirectory(javaPath(name))) throw e;
            Refs.state().caught();
        }
    }

    private static void remove(String file) {
        if (!lexists(file)) throw osError(ENOENT, file, null);
        Path p = javaPath(file);
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) throw osError(EISDIR, file, null);
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw osError(e, file, null);
        }
    }

    private static void rmdir(String dir) {
        if (!lexists(dir)) throw osError(ENOENT, dir, null);
        Path p = javaPath(dir);
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) throw osError(ENOTDIR, dir, null);
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw osError(e, dir, null);
        }
    }

    /** os.removedirs, as Lib/os.py. */
    private static void removedirs(String name) {
        rmdir(name);
        String[] ht = PathFunctions.split(name);
        String head = ht[0], tail = ht[1];
        if (tail.isEmpty()) {
            ht = PathFunctions.split(head);
            head = ht[0];
            tail = ht[1];
        }
        while (!head.isEmpty() && !tail.isEmpty()) {
            try {
                rmdir(head);
            } catch (PyException e) {
                if (!e.matches(Exc.OSError)) throw e;
                Refs.state().caught();
                break;
            }
            ht = PathFunctions.split(head);
            head = ht[0];
            tail = ht[1];
        }
    }

    private static void rename(String src, String dst) {
        if (!lexists(src)) throw osError(ENOENT, src, dst);
        Path s = javaPath(src), t = javaPath(dst);
        boolean srcDir = Files.isDirectory(s, LinkOption.NOFOLLOW_LINKS);
        if (lexists(dst)) {
            boolean dstDir = Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS);
            if (!srcDir && dstDir) throw osError(EISDIR, src, dst);
            if (srcDir && !dstDir) throw osError(ENOTDIR, src, dst);
            if (srcDir) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(t)) {
                    if (ds.iterator().hasNext() && !Files.isSameFile(s, t)) throw osError(ENOTEMPTY, src, dst);
                } catch (IOException e) {
                    throw osError(e, src, dst);
                }
            }
        } else if (dst.isEmpty()) {
            throw osError(ENOENT, src, dst);
        }
        try {
            try {
                Files.move(s, t, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw osError(EXDEV, src, dst);
            }
        } catch (IOException e) {
            throw osError(e, src, dst);
        }
    }

    // ----- os.path -------------------------------------------------------------------------------

    private static PyModule createPath(Runtime rt) {
        PyModule m = new PyModule("posixpath");
        PyDict d = m.dict;
        d.put("sep", PyStr.of("/"));
        d.put("altsep", Py.None);
        d.put("extsep", PyStr.of("."));
        d.put("pathsep", PyStr.of(":"));
        d.put("curdir", PyStr.of("."));
        d.put("pardir", PyStr.of(".."));
        d.put("defpath", PyStr.of("/bin:/usr/bin"));
        d.put("devnull", PyStr.of("/dev/null"));
        m.def("join", (a, k) -> {
            Args.noKeywords("join", k);
            if (a.length == 0) throw Exc.typeError("join() missing 1 required positional argument: 'a'");
            String path = fspath(a[0]);
            for (int i = 1; i < a.length; i++) {
                String b;
                try {
                    b = fspath(a[i]);
                } catch (PyException e) {
                    throw Exc.typeError("join() argument must be str, bytes, or os.PathLike object, not '" + a[i].type.name + "'");
                }
                path = PathFunctions.join(path, b);
            }
            return PyStr.of(path);
        });
        m.def("split", (a, k) -> {
            String[] r = PathFunctions.split(fspath(one("split", "p", a, k)));
            return PyTuple.of(PyStr.of(r[0]), PyStr.of(r[1]));
        });
        m.def("splitext", (a, k) -> {
            String[] r = PathFunctions.splitext(fspath(one("splitext", "p", a, k)));
            return PyTuple.of(PyStr.of(r[0]), PyStr.of(r[1]));
        });
        m.def("splitdrive", (a, k) -> PyTuple.of(PyStr.EMPTY, PyStr.of(fspath(one("splitdrive", "p", a, k)))));
        m.def("basename", (a, k) -> {
            String p = fspath(one("basename", "p", a, k));
            return PyStr.of(p.substring(p.lastIndexOf('/') + 1));
        });
        m.def("dirname", (a, k) -> PyStr.of(PathFunctions.split(fspath(one("dirname", "p", a, k)))[0]));
        m.def("isabs", (a, k) -> PyBool.of(fspath(one("isabs", "s", a, k)).startsWith("/")));
        m.def("normpath", (a, k) -> PyStr.of(PathFunctions.normpath(fspath(one("normpath", "path", a, k)))));
        m.def("normcase", (a, k) -> PyStr.of(fspath(one("normcase", "s", a, k))));
        m.def("abspath", (a, k) -> PyStr.of(PathFunctions.abspath(fspath(one("abspath", "path", a, k)))));
        m.def("realpath", (a, k) -> {
            PyObject[] p = Args.parse("realpath", a, k, new String[] {"filename", "strict"}, 1, 2);
            return PyStr.of(PathFunctions.realpath(fspath(p[0])));
        });
        m.def("relpath", (a, k) -> {
            PyObject[] p = Args.parse("relpath", a, k, new String[] {"path", "start"}, 1, 2);
            String path = fspath(p[0]);
            if (path.isEmpty()) throw Exc.valueError("no path specified");
            String start = p[1] == null || p[1] == Py.None ? "." : fspath(p[1]);
            return PyStr.of(PathFunctions.relpath(path, start));
        });
        m.def("expanduser", (a, k) -> {
            String p = fspath(one("expanduser", "path", a, k));
            return PyStr.of(PathFunctions.expanduser(p, rt));
        });
        m.def("commonprefix", (a, k) -> {
            PyObject[] items = SeqMethods.toArray(one("commonprefix", "m", a, k));
            if (items.length == 0) return PyStr.EMPTY;
            PyObject lo = items[0], hi = items[0];
            for (PyObject it : items) {
                if (Ops.lt(it, lo)) lo = it;
                if (Ops.lt(hi, it)) hi = it;
            }
            if (lo instanceof PyStr s1 && hi instanceof PyStr s2) {
                int i = 0;
                while (i < s1.value.length() && i < s2.value.length() && s1.value.charAt(i) == s2.value.charAt(i)) i++;
                return PyStr.of(s1.value.substring(0, i));
            }
            int n1 = Ops.len(lo);
            for (int i = 0; i < n1; i++) {
                if (!Ops.eq(Ops.getItem(lo, PyInt.of(i)), Ops.getItem(hi, PyInt.of(i)))) {
                    return Ops.getItem(lo, new PySlice(PyInt.ZERO, PyInt.of(i), Py.None));
                }
            }
            return lo;
        });
        m.def("exists", (a, k) -> PyBool.of(statPath("exists", a, k, p -> Files.exists(p))));
        m.def("lexists", (a, k) -> PyBool.of(statPath("lexists", a, k, p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS))));
        m.def("isfile", (a, k) -> PyBool.of(statPath("isfile", a, k, p -> Files.isRegularFile(p))));
        m.def("isdir", (a, k) -> PyBool.of(statPath("isdir", a, k, p -> Files.isDirectory(p))));
        m.def("islink", (a, k) -> PyBool.of(statPath("islink", a, k, p -> Files.isSymbolicLink(p))));
        m.def("getsize", (a, k) -> {
            String p = fspath(one("getsize", "filename", a, k));
            try {
                return PyInt.of(Files.size(javaPath(p)));
            } catch (IOException e) {
                throw osError(e, p, null);
            }
        });
        m.def("getmtime", (a, k) -> {
            String p = fspath(one("getmtime", "filename", a, k));
            try {
                java.nio.file.attribute.FileTime t = Files.getLastModifiedTime(javaPath(p));
                java.time.Instant i = t.toInstant();
                return PyFloat.of(i.getEpochSecond() + i.getNano() / 1e9);
            } catch (IOException e) {
                throw osError(e, p, null);
            }
        });
        m.def("samefile", (a, k) -> {
            PyObject[] p = Args.parse("samefile", a, k, new String[] {"f1", "f2"}, 2, 2);
            String f1 = fspath(p[0]), f2 = fspath(p[1]);
            if (!Files.exists(javaPath(f1))) throw osError(ENOENT, f1, null);
            if (!Files.exists(javaPath(f2))) throw osError(ENOENT, f2, null);
            try {
                return PyBool.of(Files.isSameFile(javaPath(f1), javaPath(f2)));
            } catch (IOException e) {
                throw osError(e, f1, null);
            }
        });
        return m;
    }

    private interface PathTest {
        boolean test(Path p);
    }

    /** exists/isfile/isdir: False for missing files; "stat: path should be ..." for bad types. */
    private static boolean statPath(String fname, PyObject[] a, String[] k, PathTest test) {
        PyObject o = one(fname, "path", a, k);
        String p;
        if (o instanceof PyInt i) {
            long fd = i.isSmall() ? i.value : -1;
            return fname.equals("exists") && fd >= 0 && fd <= 2;
        }
        if (o instanceof PyStr s) p = s.value;
        else if (o.type.lookup("__fspath__") != null) p = fspath(o);
        else throw Exc.typeError("stat: path should be string, bytes, os.PathLike or integer, not " + o.type.name);
        if (p.isEmpty() || p.indexOf('\0') >= 0) return false;
        try {
            return test.test(javaPath(p));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static PyObject one(String fname, String param, PyObject[] a, String[] k) {
        PyObject[] p = Args.parse(fname, a, k, new String[] {param}, 0, 1);
        if (p[0] == null) throw Exc.typeError(fname + "() missing 1 required positional argument: '" + param + "'");
        return p[0];
    }

    /** The string functions of posixpath, ported from Lib/posixpath.py. */
    static final class PathFunctions {
        private PathFunctions() {}

        static String join(String a, String b) {
            if (b.startsWith("/")) return b;
            if (a.isEmpty() || a.endsWith("/")) return a + b;
            return a + "/" + b;
        }

        static String[] split(String p) {
            int i = p.lastIndexOf('/') + 1;
            String head = p.substring(0, i), tail = p.substring(i);
            if (!head.isEmpty() && !head.equals("/".repeat(head.length()))) head = rstripSlashes(head);
            return new String[] {head, tail};
        }

        private static String rstripSlashes(String s) {
            int e = s.length();
            while (e > 0 && s.charAt(e - 1) == '/') e--;
            return s.substring(0, e);
        }

        static String[] splitext(String p) {
            int sepIndex = p.lastIndexOf('/');
            int dotIndex = p.lastIndexOf('.');
            if (dotIndex > sepIndex) {
                int filenameIndex = sepIndex + 1;
                while (filenameIndex < dotIndex) {
                    if (p.charAt(filenameIndex) != '.') return new String[] {p.substring(0, dotIndex), p.substring(dotIndex)};
                    filenameIndex++;
                }
            }
            return new String[] {p, ""};
        }

        static String normpath(String path) {
            if (path.isEmpty()) return ".";
            int initialSlashes = path.startsWith("/") ? 1 : 0;
            if (initialSlashes == 1 && path.startsWith("//") && !path.startsWith("///")) initialSlashes = 2;
            java.util.ArrayList<String> comps = new java.util.ArrayList<>();
            for (String comp : path.split("/", -1)) {
                if (comp.isEmpty() || comp.equals(".")) continue;
                if (!comp.equals("..") || (initialSlashes == 0 && comps.isEmpty())
                        || (!comps.isEmpty() && comps.get(comps.size() - 1).equals(".."))) {
                    comps.add(comp);
                } else if (!comps.isEmpty()) {
                    comps.remove(comps.size() - 1);
                }
            }
            String r = "/".repeat(initialSlashes) + String.join("/", comps);
            return r.isEmpty() ? "." : r;
        }

        static String abspath(String path) {
            if (!path.startsWith("/")) path = join(cwd(), path);
            return normpath(path);
        }

        static String realpath(String path) {
            String abs = abspath(path);
            Path p = Path.of(abs);
            // resolve the longest existing prefix, keep the rest as written
            Path existing = p;
            java.util.ArrayDeque<String> rest = new java.util.ArrayDeque<>();
            while (existing != null && !Files.exists(existing)) {
                if (existing.getFileName() != null) rest.push(existing.getFileName().toString());
                existing = existing.getParent();
            }
            if (existing == null) return abs;
            try {
                Path r = existing.toRealPath();
                for (String s : rest) r = r.resolve(s);
                return normpath(r.toString());
            } catch (IOException e) {
                return abs;
            }
        }

        static String relpath(String path, String start) {
            java.util.List<String> startList = new java.util.ArrayList<>(), pathList = new java.util.ArrayList<>();
            for (String x : abspath(start).split("/")) if (!x.isEmpty()) startList.add(x);
            for (String x : abspath(path).split("/")) if (!x.isEmpty()) pathList.add(x);
            int i = 0;
            while (i < startList.size() && i < pathList.size() && startList.get(i).equals(pathList.get(i))) i++;
            java.util.List<String> rel = new java.util.ArrayList<>();
            for (int j = i; j < startList.size(); j++) rel.add("..");
            rel.addAll(pathList.subList(i, pathList.size()));
            if (rel.isEmpty()) return ".";
            String r = rel.get(0);
            for (int j = 1; j < rel.size(); j++) r = join(r, rel.get(j));
            return r;
        }

        static String expanduser(String path, Runtime rt) {
            if (!path.startsWith("~")) return path;
            int i = path.indexOf('/', 1);
            if (i < 0) i = path.length();
            String home;
            if (i == 1) {
                PyObject os = rt.modules.get("os");
                PyObject env = os instanceof PyModule om ? om.dict.get("environ") : null;
                PyObject h = env instanceof PyDict ed ? ed.get(PyStr.of("HOME")) : null;
                home = h instanceof PyStr hs ? hs.value : System.getProperty("user.home");
            } else {
                String name = path.substring(1, i);
                if (!name.equals(System.getProperty("user.name"))) return path;
                home = System.getProperty("user.home");
            }
            if (home == null) return path;
            home = rstripSlashes(home);
            String r = home + path.substring(i);
            return r.isEmpty() ? "/" : r;
        }
    }
}

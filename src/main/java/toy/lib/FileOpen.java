package toy.lib;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import toy.object.*;

/** open(file, mode='r', encoding=None): text files only. */
final class FileOpen {
    private FileOpen() {}

    static PyObject open(PyObject[] a, String[] k) {
        PyObject[] p = Args.parse("open", a, k, new String[] {"file", "mode", "buffering", "encoding", "errors", "newline"}, 1, 6);
        String name = Ops.str(p[0]);
        String mode = p[1] == null ? "r" : Ops.str(p[1]);
        if (mode.contains("b")) throw Exc.valueError("binary mode is not supported by Toy");
        Path path = Path.of(name);
        try {
            if (mode.startsWith("r")) {
                BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8));
                return fromOpen(new PyTextFile(name, mode, null, r, false));
            }
            StandardOpenOption[] opts;
            if (mode.startsWith("w")) {
                opts = new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE};
            } else if (mode.startsWith("a")) {
                opts = new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE};
            } else if (mode.startsWith("x")) {
                opts = new StandardOpenOption[] {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE};
            } else {
                throw Exc.valueError("invalid mode: '" + mode + "'");
            }
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path, opts), StandardCharsets.UTF_8));
            return fromOpen(new PyTextFile(name, mode, w, null, false));
        } catch (NoSuchFileException e) {
            throw osError(Exc.FileNotFoundError, 2, "No such file or directory", name);
        } catch (FileAlreadyExistsException e) {
            throw osError(Exc.FileExistsError, 17, "File exists", name);
        } catch (AccessDeniedException e) {
            throw osError(Exc.PermissionError, 13, "Permission denied", name);
        } catch (IOException e) {
            if (Files.isDirectory(path)) throw osError(Exc.IsADirectoryError, 21, "Is a directory", name);
            throw osError(Exc.OSError, 5, e.getMessage(), name);
        }
    }

    /** A file open() made is closed when its last reference goes. */
    private static PyTextFile fromOpen(PyTextFile f) {
        f.closeOnDealloc = true;
        return f;
    }

    static PyException osError(PyType t, int errno, String msg, String filename) {
        PyBaseException e = new PyBaseException(t, PyTuple.of(PyInt.of(errno), PyStr.of(msg)));
        e.dictPut("errno", PyInt.of(errno));
        e.dictPut("strerror", PyStr.of(msg));
        e.dictPut("filename", PyStr.of(filename));
        return new PyException(e);
    }
}

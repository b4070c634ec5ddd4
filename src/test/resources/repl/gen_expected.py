"""Regenerates the .expected files of the REPL tests (toy.cli.ReplSessionTest) from CPython 3.11.

    python3.11 gen_expected.py        (from any directory)

session/NAME.in  is piped into `python3 -i` (CPython's REPL without readline: results and print
                 output on stdout; banner, prompts and tracebacks on stderr). The banner's two lines
                 are dropped from stderr: Toy prints its own one-line banner, which the test drops.
script/NAME.in   is piped into `python3` without -i: standard input that is not a terminal is
                 run as the script <stdin>.
completion.txt   each line `TEXT` of completion.in is completed with rlcompleter in the
                 namespace made by running completion_setup.py; output `TEXT<TAB>match match ...`
                 (sorted).

Each NAME.expected holds `status N`, a line `--- stdout`, stdout, a line `--- stderr`, stderr.
The runs happen in a temporary directory so that nothing in the tree is touched.
"""
import os
import rlcompleter
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = os.environ.get("PYTHON", "python3")


def run(args, stdin_bytes, cwd):
    env = dict(os.environ)
    for k in ("PYTHONSTARTUP", "PYTHONINSPECT", "PYTHONWARNINGS"):
        env.pop(k, None)
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONHASHSEED"] = "0"
    p = subprocess.run([PYTHON, "-I"] + args, input=stdin_bytes, capture_output=True, cwd=cwd, env=env, timeout=60)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def generate(folder, args, drop_banner):
    d = os.path.join(HERE, folder)
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(os.listdir(d)):
            if not name.endswith(".in"):
                continue
            with open(os.path.join(d, name), "rb") as f:
                src = f.read()
            status, out, err = run(args, src, tmp)
            if drop_banner:
                lines = err.split("\n")
                assert lines[0].startswith("Python 3.11"), lines[0]
                err = "\n".join(lines[2:])
            with open(os.path.join(d, name[:-3] + ".expected"), "w", encoding="utf-8", newline="\n") as f:
                f.write("status %d\n--- stdout\n%s--- stderr\n%s" % (status, out, err))


def completions():
    ns = {"__name__": "__main__"}
    with open(os.path.join(HERE, "completion_setup.py"), encoding="utf-8") as f:
        exec(f.read(), ns)
    c = rlcompleter.Completer(ns)
    out = []
    with open(os.path.join(HERE, "completion.in"), encoding="utf-8") as f:
        for text in f.read().split("\n"):
            if not text:
                continue
            matches = []
            i = 0
            while True:
                m = c.complete(text, i)
                if m is None:
                    break
                matches.append(m)
                i += 1
            out.append(text + "\t" + " ".join(sorted(set(matches))))
    with open(os.path.join(HERE, "completion.expected"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    if sys.version_info[:2] != (3, 11):
        sys.exit("needs CPython 3.11")
    generate("session", ["-i"], True)
    generate("script", [], False)
    completions()

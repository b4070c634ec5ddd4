package toy.lib;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.zone.ZoneRules;
import java.util.Locale;
import toy.object.*;
import toy.vm.Runtime;

/**
 * The {@code time} module: clocks (wall, monotonic, CPU), {@code sleep}, and the calendar
 * functions ({@code gmtime}, {@code localtime}, {@code mktime}, {@code strftime},
 * {@code asctime}, {@code ctime}) with {@code struct_time}, following CPython 3.11 on Linux
 * (glibc's strftime in the C locale).
 *
 * <p>{@link #sleepSeconds} is the one place where a script blocks in {@code time.sleep}: the GIL
 * is released around it.
 */
public final class TimeModule {
    private TimeModule() {}

    private static final String[] DAY_ABBR = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    private static final String[] DAY_NAME = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final String[] MON_ABBR = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final String[] MON_NAME = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] FIELDS = {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
        "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"};

    /**
     * Blocks the calling thread for the given number of seconds (time.sleep). A pending
     * interrupt ends the sleep early and stays set for the caller to see.
     */
    public static void sleepSeconds(double seconds) {
        if (!(seconds > 0)) {
            Thread.yield();
            return;
        }
        long nanos = (long) Math.min(seconds * 1e9, (double) Long.MAX_VALUE);
        long deadline = System.nanoTime() + nanos;
        try (toy.gil.Gil.Blocking released = toy.vm.ThreadState.blocking()) {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return;
                // parkNanos keeps sub-millisecond sleeps short (Thread.sleep rounds up to 1 ms)
                java.util.concurrent.locks.LockSupport.parkNanos(left);
                if (Thread.interrupted()) throw new InterruptedException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        toy.vm.Interrupts.check();
    }

    /** The CPU time of the whole process in nanoseconds. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            long t = sun.getProcessCpuTime();
            if (t >= 0) return t;
        }
        ThreadMXBean tb = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : tb.getAllThreadIds()) {
            long t = tb.getThreadCpuTime(id);
            if (t > 0) sum += t;
        }
        return sum;
    }

    static long threadCpuNanos() {
        ThreadMXBean tb = ManagementFactory.getThreadMXBean();
        long t = tb.isCurrentThreadCpuTimeSupported() ? tb.getCurrentThreadCpuTime() : -1;
        return t >= 0 ? t : processCpuNanos();
    }

    static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    public static PyModule create(Runtime rt) {
        PyModule m = new PyModule("time");
        PyDict d = m.dict;
        m.def("time", (a, k) -> { noArgs("time", a, k); return PyFloat.of(epochNanos() / 1e9); });
        m.def("time_ns", (a, k) -> { noArgs("time_ns", a, k); return PyInt.of(epochNanos()); });
        m.def("monotonic", (a, k) -> { noArgs("monotonic", a, k); return PyFloat.of(System.nanoTime() / 1e9); });
        m.def("monotonic_ns", (a, k) -> { noArgs("monotonic_ns", a, k); return PyInt.of(System.nanoTime()); });
        m.def("perf_counter", (a, k) -> { noArgs("perf_counter", a, k); return PyFloat.of(System.nanoTime() / 1e9); });
        m.def("perf_counter_ns", (a, k) -> { noArgs("perf_counter_ns", a, k); return PyInt.of(System.nanoTime()); });
        m.def("process_time", (a, k) -> { noArgs("process_time", a, k); return PyFloat.of(processCpuNanos() / 1e9); });
        m.def("process_time_ns", (a, k) -> { noArgs("process_time_ns", a, k); return PyInt.of(processCpuNanos()); });
        m.def("thread_time", (a, k) -> { noArgs("thread_time", a, k); return PyFloat.of(threadCpuNanos() / 1e9); });
        m.def("thread_time_ns", (a, k) -> { noArgs("thread_time_ns", a, k); return PyInt.of(threadCpuNanos()); });
        m.def("sleep", (a, k) -> {
            Args.noKeywords("time.sleep", k);
            Args.checkCount("time.sleep", a, 1, 1);
            double secs = sleepArg(a[0]);
            if (secs < 0) throw Exc.valueError("sleep length must be non-negative");
            sleepSeconds(secs);
            return Py.None;
        });
        m.def("gmtime", (a, k) -> {
            Args.noKeywords("time.gmtime", k);
            Args.checkCount("gmtime", a, 0, 1);
            long secs = a.length == 0 || a[0] == Py.None ? Math.floorDiv(epochNanos(), 1_000_000_000L) : timestampArg(a[0]);
            return structTime(secs, ZoneOffset.UTC, "GMT");
        });
        m.def("localtime", (a, k) -> {
            Args.noKeywords("time.localtime", k);
            Args.checkCount("localtime", a, 0, 1);
            long secs = a.length == 0 || a[0] == Py.None ? Math.floorDiv(epochNanos(), 1_000_000_000L) : timestampArg(a[0]);
            return localStruct(secs);
        });
        m.def("mktime", (a, k) -> {
            Args.noKeywords("time.mktime", k);
            Args.checkCount("time.mktime", a, 1, 1);
            int[] tm = timeTuple(a[0], "mktime");
            return PyFloat.of(mktime(tm));
        });
        m.def("asctime", (a, k) -> {
            Args.noKeywords("time.asctime", k);
            Args.checkCount("asctime", a, 0, 1);
            int[] tm = a.length == 0 ? fields(localStruct(Math.floorDiv(epochNanos(), 1_000_000_000L))) : timeTuple(a[0], "asctime");
            normalize(tm);
            check(tm);
            return PyStr.of(asctime(tm));
        });
        m.def("ctime", (a, k) -> {
            Args.noKeywords("time.ctime", k);
            Args.checkCount("ctime", a, 0, 1);
            long secs = a.length == 0 || a[0] == Py.None ? Math.floorDiv(epochNanos(), 1_000_000_000L) : timestampArg(a[0]);
            return PyStr.of(asctime(fields(localStruct(secs))));
        });
        m.def("strftime", (a, k) -> {
            Args.noKeywords("time.strftime", k);
            Args.checkCount("strftime", a, 1, 2);
            if (!(a[0] instanceof PyStr fmt)) {
                throw Exc.typeError("strftime() argument 1 must be str, not " + a[0].type.name);
            }
            StructTime st;
            int[] tm;
            if (a.length == 1) {
                st = localStruct(Math.floorDiv(epochNanos(), 1_000_000_000L));
                tm = fields(st);
            } else {
                st = a[1] instanceof StructTime s ? s : null;
                tm = timeTuple(a[1], "strftime");
            }
            normalize(tm);
            check(tm);
            if (fmt.value.indexOf('\0') >= 0) throw Exc.valueError("embedded null character");
            String zone;
            long gmtoff;
            if (st != null && st.zone != Py.None) {
                zone = Ops.str(st.zone);
                gmtoff = Ops.index(st.gmtoff).longValue();
            } else {
                // a plain tuple: the zone names of the local time zone, offset zero (as glibc sees it)
                zone = tm[8] < 0 ? "" : tzname(ZoneId.systemDefault(), tm[8] > 0);
                gmtoff = 0;
            }
            return PyStr.of(strftime(fmt.value, tm, zone, gmtoff));
        });

        ZoneId zone = ZoneId.systemDefault();
        int year = LocalDateTime.now(zone).getYear();
        ZoneRules rules = zone.getRules();
        ZoneOffset jan = rules.getOffset(LocalDateTime.of(year, 1, 1, 0, 0));
        ZoneOffset jul = rules.getOffset(LocalDateTime.of(year, 7, 1, 0, 0));
        ZoneOffset std = jan.getTotalSeconds() <= jul.getTotalSeconds() ? jan : jul;
        ZoneOffset dst = jan.getTotalSeconds() <= jul.getTotalSeconds() ? jul : jan;
        d.put("timezone", PyInt.of(-std.getTotalSeconds()));
        d.put("altzone", PyInt.of(-dst.getTotalSeconds()));
        d.put("daylight", PyInt.of(jan.equals(jul) ? 0 : 1));
        d.put("tzname", PyTuple.of(PyStr.of(tzname(zone, false)), PyStr.of(tzname(zone, true))));
        d.put("struct_time", StructTime.TYPE);
        return m;
    }

    private static void noArgs(String fname, PyObject[] a, String[] k) {
        Args.noKeywords("time." + fname, k);
        Args.checkCount("time." + fname, a, 0, 0);
    }

    // ----- argument conversion ------------------------------------------------------------------

    private static double sleepArg(PyObject o) {
        if (o instanceof PyFloat f) {
            if (Double.isNaN(f.value)) throw Exc.valueError("Invalid value NaN (not a number)");
            if (Math.abs(f.value) > 9.2e9) throw Exc.overflowError("timestamp out of range for platform time_t");
            return f.value;
        }
        PyInt i = Ops.index(o);
        if (!i.isSmall() || Math.abs(i.value) > 9_223_372_036L) {
            throw Exc.overflowError("timestamp too large to convert to C _PyTime_t");
        }
        return (double) i.value;
    }

    /** A timestamp for gmtime/localtime/ctime: floats are floored. */
    private static long timestampArg(PyObject o) {
        if (o instanceof PyFloat f) {
            if (Double.isNaN(f.value)) throw Exc.valueError("Invalid value NaN (not a number)");
            double v = Math.floor(f.value);
            if (!(Math.abs(v) < 6.7e16)) throw Exc.overflowError("timestamp out of range for platform time_t");
            return (long) v;
        }
        PyInt i = Ops.index(o);
        if (!i.isSmall()) throw Exc.overflowError("timestamp out of range for platform time_t");
        if (Math.abs(i.value) > 67_767_976_233_316_800L) throw Exc.overflowError("timestamp out of range for platform time_t");
        return i.value;
    }

    /** The nine fields of a time tuple, in C's conventions (mon 0-11, wday Sun=0, yday 0-365). */
    private static int[] timeTuple(PyObject o, String fname) {
        if (!(o instanceof PyTuple t)) throw Exc.typeError("Tuple or struct_time argument required");
        if (t.size() != 9) throw Exc.typeError(fname + "(): illegal time tuple argument");
        int[] tm = new int[9];
        for (int i = 0; i < 9; i++) tm[i] = Ops.index(t.get(i)).intValue();
        tm[1] -= 1;
        tm[6] = (tm[6] + 1) % 7;
        tm[7] -= 1;
        return tm;
    }

    /** The fields of a struct_time in C's conventions. */
    private static int[] fields(StructTime st) {
        int[] tm = new int[9];
        for (int i = 0; i < 9; i++) tm[i] = Ops.index(st.items[i]).intValue();
        tm[1] -= 1;
        tm[6] = (tm[6] + 1) % 7;
        tm[7] -= 1;
        return tm;
    }

    /** strftime/asctime accept 0 for month, day and day of year. */
    private static void normalize(int[] tm) {
        if (tm[1] == -1) tm[1] = 0;
        if (tm[2] == 0) tm[2] = 1;
        if (tm[7] == -1) tm[7] = 0;
        if (tm[8] < -1) tm[8] = -1;
        else if (tm[8] > 1) tm[8] = 1;
    }

    private static void check(int[] tm) {
        if (tm[1] < 0 || tm[1] > 11) throw Exc.valueError("month out of range");
        if (tm[2] < 1 || tm[2] > 31) throw Exc.valueError("day of month out of range");
        if (tm[3] < 0 || tm[3] > 23) throw Exc.valueError("hour out of range");
        if (tm[4] < 0 || tm[4] > 59) throw Exc.valueError("minute out of range");
        if (tm[5] < 0 || tm[5] > 61) throw Exc.valueError("seconds out of range");
        if (tm[6] < 0) throw Exc.valueError("day of week out of range");
        if (tm[7] < 0 || tm[7] > 365) throw Exc.valueError("day of year out of range");
    }

    // ----- struct_time -----------------------------------------------------------------------------

    /** time.struct_time: a 9-tuple with named fields, plus tm_zone and tm_gmtoff. */
    static final class StructTime extends PyTuple {
        static final PyType TYPE = LibSupport.newType("time", "struct_time", PyTuple.TYPE, (cls, a, k) -> {
            PyObject[] p = Args.parse("struct_time", a, k, new String[] {"sequence", "dict"}, 1, 2);
            if (!(p[0] instanceof PyTuple || p[0] instanceof PyList)) {
                throw Exc.typeError("constructor requires a sequence");
            }
            PyObject[] items = SeqMethods.toArray(p[0]);
            if (items.length < 9) {
                throw Exc.typeError("time.struct_time() takes an at least 9-sequence (" + items.length + "-sequence given)");
            }
            if (items.length > 11) {
                throw Exc.typeError("time.struct_time() takes an at most 11-sequence (" + items.length + "-sequence given)");
            }
            PyObject[] nine = java.util.Arrays.copyOf(items, 9);
            return new StructTime(nine, items.length > 9 ? items[9] : Py.None, items.length > 10 ? items[10] : Py.None);
        });

        static {
            TYPE.baseType = false;
            for (int i = 0; i < FIELDS.length; i++) {
                final int idx = i;
                TYPE.dict.put(FIELDS[i], new PyGetSet(FIELDS[i], o -> {
                    StructTime s = (StructTime) o;
                    return idx < 9 ? s.items[idx] : idx == 9 ? s.zone : s.gmtoff;
                }, null));
            }
            TYPE.dict.put("n_fields", PyInt.of(11));
            TYPE.dict.put("n_sequence_fields", PyInt.of(9));
            TYPE.dict.put("n_unnamed_fields", PyInt.of(0));
        }

        /** tm_zone and tm_gmtoff, the fields beyond the sequence (counted references). */
        final PyObject zone, gmtoff;

        StructTime(PyObject[] items, PyObject zone, PyObject gmtoff) {
            super(TYPE, items);
            this.zone = Refs.own(zone);
            this.gmtoff = Refs.own(gmtoff);
        }

        /** The sequence, then the extra fields. */
        @Override public void traverse(RefVisitor v) {
            super.traverse(v);
            v.visit(zone);
            v.visit(gmtoff);
        }

        @Override public String repr() {
            StringBuilder sb = new StringBuilder("time.struct_time(");
            for (int i = 0; i < 9; i++) {
                if (i > 0) sb.append(", ");
                sb.append(FIELDS[i]).append('=').append(Ops.repr(items[i]));
            }
            return sb.append(')').toString();
        }
    }

    private static StructTime structTime(long secs, ZoneId zone, String zoneName) {
        ZonedDateTime z;
        try {
            z = Instant.ofEpochSecond(secs).atZone(zone);
        } catch (java.time.DateTimeException e) {
            throw Exc.overflowError("timestamp out of range for platform time_t");
        }
        boolean dst = zone.getRules().isDaylightSavings(z.toInstant());
        PyObject[] items = {
            PyInt.of(z.getYear()), PyInt.of(z.getMonthValue()), PyInt.of(z.getDayOfMonth()),
            PyInt.of(z.getHour()), PyInt.of(z.getMinute()), PyInt.of(z.getSecond()),
            PyInt.of(z.getDayOfWeek().getValue() - 1), PyInt.of(z.getDayOfYear()), PyInt.of(dst ? 1 : 0),
        };
        String name = zoneName != null ? zoneName : z.format(DateTimeFormatter.ofPattern("zzz", Locale.US));
        return new StructTime(items, PyStr.of(name), PyInt.of(z.getOffset().getTotalSeconds()));
    }

    private static StructTime localStruct(long secs) { return structTime(secs, ZoneId.systemDefault(), null); }

    /** The abbreviation of the zone's standard or daylight time. */
    private static String tzname(ZoneId zone, boolean daylight) {
        ZoneRules rules = zone.getRules();
        int year = LocalDateTime.now(zone).getYear();
        for (int month : new int[] {1, 7}) {
            Instant at = LocalDateTime.of(year, month, 1, 12, 0).atZone(zone).toInstant();
            if (rules.isDaylightSavings(at) == daylight) {
                return at.atZone(zone).format(DateTimeFormatter.ofPattern("zzz", Locale.US));
            }
        }
        // no daylight time in this zone: both names are the standard one
        return java.util.TimeZone.getTimeZone(zone).getDisplayName(false, java.util.TimeZone.SHORT, Locale.US);
    }

    /** mktime: the fields read as local time (tm_isdst 1 = daylight, 0 = standard, -1 = find out). */
    private static double mktime(int[] tm) {
        ZoneId zone = ZoneId.systemDefault();
        try {
            LocalDateTime ldt = LocalDateTime.of(tm[0], 1, 1, 0, 0)
                    .plusMonths(tm[1]).plusDays(tm[2] - 1L).plusHours(tm[3]).plusMinutes(tm[4]).plusSeconds(tm[5]);
            ZonedDateTime z = ZonedDateTime.of(ldt, zone);
            long epoch = z.toEpochSecond();
            if (tm[8] >= 0) {
                ZoneRules rules = zone.getRules();
                boolean isDst = rules.isDaylightSavings(z.toInstant());
                if (isDst != (tm[8] > 0)) {
                    int std = rules.getStandardOffset(z.toInstant()).getTotalSeconds();
                    int actual = z.getOffset().getTotalSeconds();
                    int wanted = tm[8] > 0 ? std + 3600 : std;
                    epoch += actual - wanted;
                }
            }
            return (double) epoch;
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw Exc.overflowError("mktime argument out of range");
        }
    }

    private static String asctime(int[] tm) {
        return String.format("%s %s%3d %02d:%02d:%02d %d", DAY_ABBR[tm[6] % 7], MON_ABBR[tm[1]], tm[2], tm[3], tm[4], tm[5], tm[0]);
    }

    // ----- strftime (glibc, C locale) -----------------------------------------------------------

    private static boolean isLeap(long y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

    /** glibc's iso_week_days: days since the Monday of ISO week 1 (may be negative). */
    private static int isoWeekDays(int yday, int wday) {
        final int bigEnoughMultipleOf7 = (366 / 7 + 2) * 7;
        return yday - (yday - wday + 4 + bigEnoughMultipleOf7) % 7 + 3;
    }

    static String strftime(String fmt, int[] tm, String zone, long gmtoff) {
        StringBuilder out = new StringBuilder();
        int n = fmt.length();
        for (int i = 0; i < n; i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int start = i;
            char pad = 0;
            boolean upcase = false, swapcase = false;
            i++;
            while (i < n && "_-0^#".indexOf(fmt.charAt(i)) >= 0) {
                char f = fmt.charAt(i++);
                if (f == '^') upcase = true;
                else if (f == '#') swapcase = true;
                else pad = f;
            }
            int width = -1;
            while (i < n && Character.isDigit(fmt.charAt(i))) {
                width = (width < 0 ? 0 : width * 10) + (fmt.charAt(i++) - '0');
            }
            while (i < n && (fmt.charAt(i) == 'E' || fmt.charAt(i) == 'O')) i++;
            if (i >= n) {
                out.append(fmt, start, n);
                break;
            }
            char conv = fmt.charAt(i);
            String s = conversion(conv, tm, zone, gmtoff, pad, width);
            if (s == null) {
                out.append(fmt, start, i + 1);
                continue;
            }
            boolean numeric = s.startsWith("\u0000");
            if (numeric) s = s.substring(1);
            if (!numeric) {
                if (swapcase) {
                    s = (conv == 'p' || conv == 'Z') ? s.toLowerCase(Locale.ROOT) : s.toUpperCase(Locale.ROOT);
                } else if (upcase) {
                    s = s.toUpperCase(Locale.ROOT);
                }
                if (width > s.length()) {
                    char p = pad == '0' ? '0' : ' ';
                    s = String.valueOf(p).repeat(width - s.length()) + s;
                }
            }
            out.append(s);
        }
        return out.toString();
    }

    /** A number formatted as glibc's DO_NUMBER: zero- or space-padded to the digits or width. */
    private static String num(long v, int digits, char defaultPad, char pad, int width) {
        boolean neg = v < 0;
        String s = Long.toString(Math.abs(v));
        char p = pad == 0 ? defaultPad : pad;
        int w = width >= 0 ? width : digits;
        if (neg) s = "-" + s;
        if (p != '-' && s.length() < w) {
            if (p == '_' || p == ' ') s = " ".repeat(w - s.length()) + s;
            else s = neg ? "-" + "0".repeat(w - s.length()) + s.substring(1) : "0".repeat(w - s.length()) + s;
        }
        return "\u0000" + s;
    }

    private static String conversion(char c, int[] tm, String zone, long gmtoff, char pad, int width) {
        int year = tm[0], mon = tm[1], mday = tm[2], hour = tm[3], min = tm[4], sec = tm[5], wday = tm[6], yday = tm[7];
        int hour12 = hour % 12 == 0 ? 12 : hour % 12;
        switch (c) {
            case '%': return "%";
            case 'a': return DAY_ABBR[Math.floorMod(wday, 7)];
            case 'A': return DAY_NAME[Math.floorMod(wday, 7)];
            case 'b': case 'h': return MON_ABBR[mon];
            case 'B': return MON_NAME[mon];
            case 'c': return strftime("%a %b %e %H:%M:%S %Y", tm, zone, gmtoff);
            case 'C': return num(Math.floorDiv(year, 100), 1, '0', pad, width);
            case 'd': return num(mday, 2, '0', pad, width);
            case 'D': return strftime("%m/%d/%y", tm, zone, gmtoff);
            case 'e': return num(mday, 2, '_', pad, width);
            case 'F': return strftime("%Y-%m-%d", tm, zone, gmtoff);
            case 'H': return num(hour, 2, '0', pad, width);
            case 'I': return num(hour12, 2, '0', pad, width);
            case 'j': return num(yday + 1, 3, '0', pad, width);
            case 'k': return num(hour, 2, '_', pad, width);
            case 'l': return num(hour12, 2, '_', pad, width);
            case 'm': return num(mon + 1, 2, '0', pad, width);
            case 'M': return num(min, 2, '0', pad, width);
            case 'n': return "\n";
            case 'p': return hour >= 12 ? "PM" : "AM";
            case 'P': return hour >= 12 ? "pm" : "am";
            case 'r': return strftime("%I:%M:%S %p", tm, zone, gmtoff);
            case 'R': return strftime("%H:%M", tm, zone, gmtoff);
            case 's': {
                int[] copy = tm.clone();
                return num((long) mktime(copy), 1, '0', pad, width);
            }
            case 'S': return num(sec, 2, '0', pad, width);
            case 't': return "\t";
            case 'T': return strftime("%H:%M:%S", tm, zone, gmtoff);
            case 'u': return num((wday - 1 + 7) % 7 + 1, 1, '0', pad, width);
            case 'U': return num((yday - wday + 7) / 7, 2, '0', pad, width);
            case 'W': return num((yday - (wday - 1 + 7) % 7 + 7) / 7, 2, '0', pad, width);
            case 'w': return num(wday, 1, '0', pad, width);
            case 'V': case 'g': case 'G': {
                long y = year;
                int days = isoWeekDays(yday, wday);
                if (days < 0) {
                    y--;
                    days = isoWeekDays(yday + (isLeap(y) ? 366 : 365), wday);
                } else {
                    int d = isoWeekDays(yday - (isLeap(y) ? 366 : 365), wday);
                    if (d >= 0) {
                        y++;
                        days = d;
                    }
                }
                if (c == 'V') return num(days / 7 + 1, 2, '0', pad, width);
                if (c == 'g') return num(Math.floorMod(y, 100), 2, '0', pad, width);
                return num(y, 1, '0', pad, width);
            }
            case 'x': return strftime("%m/%d/%y", tm, zone, gmtoff);
            case 'X': return strftime("%H:%M:%S", tm, zone, gmtoff);
            case 'y': return num(Math.floorMod(year, 100), 2, '0', pad, width);
            case 'Y': return num(year, 1, '0', pad, width);
            case 'z': {
                if (tm[8] < 0) return "";
                long off = gmtoff;
                char sign = off < 0 ? '-' : '+';
                off = Math.abs(off) / 60;
                String digits = num(off / 60 * 100 + off % 60, 4, '0', pad, width < 0 ? -1 : width - 1).substring(1);
                return "\u0000" + sign + digits;
            }
            case 'Z': return zone;
            default: return null;
        }
    }
}

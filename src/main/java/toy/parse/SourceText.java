package toy.parse;

import java.util.ArrayList;
import java.util.List;

/** The lines of a source text, each with its line break, as CPython's SyntaxError.text holds them. */
final class SourceText {
    private final String text;
    private final List<Integer> starts = new ArrayList<>();

    SourceText(String text) {
        this.text = text;
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                starts.add(i + 1);
            }
        }
    }

    int lineCount() {
        return starts.size();
    }

    /** Line {@code line} (1-based) including its line break (normalized to "\n"), or null. */
    String lineText(int line) {
        if (line < 1 || line > starts.size()) {
            return null;
        }
        int start = starts.get(line - 1);
        int end = line < starts.size() ? starts.get(line) : text.length();
        String s = text.substring(start, end);
        if (s.endsWith("\r\n")) {
            s = s.substring(0, s.length() - 2) + "\n";
        } else if (s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1) + "\n";
        }
        if (s.isEmpty() && line == starts.size() && line > 1) {
            return null;
        }
        return s;
    }

    /** Length in code points of line {@code line} without its line break. */
    int lineLength(int line) {
        String s = lineText(line);
        if (s == null) {
            return 0;
        }
        if (s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.codePointCount(0, s.length());
    }
}

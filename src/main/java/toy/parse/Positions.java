package toy.parse;

import org.antlr.v4.runtime.Token;

/** Token end positions (ANTLR only records where a token starts). */
final class Positions {
    private Positions() {
    }

    /** {line, 0-based column} just after the token's last character, counting code points. */
    static int[] end(Token t) {
        String text = t.getText();
        int line = t.getLine();
        int col = t.getCharPositionInLine();
        if (text == null || t.getType() == Token.EOF) {
            return new int[] {line, col};
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
                col = 0;
            } else if (c != '\r' && !Character.isLowSurrogate(c)) {
                col++;
            }
        }
        return new int[] {line, col};
    }
}

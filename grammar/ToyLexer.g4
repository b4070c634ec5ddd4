/*
 * Lexer for Toy's Python 3.11 subset.
 *
 * Indentation (INDENT/DEDENT), bracket depth and tokenizer diagnostics live in ToyLexerBase;
 * this grammar only calls out to it. Error tokens (UNTERMINATED_*, ERROR_CHAR, STRAY_BACKSLASH)
 * are turned into CPython's tokenizer messages by the base class.
 */
lexer grammar ToyLexer;

// $antlr-format alignTrailingComments true, columnLimit 150, maxEmptyLinesToKeep 1, reflowComments false
// $antlr-format useTab false, allowShortRulesOnASingleLine true, alignSemicolons hanging, alignColons hanging

options {
    superClass = ToyLexerBase;
}

tokens {
    INDENT,
    DEDENT,
    ERRORTOKEN
}

@header {
import toy.parse.ToyLexerBase;
}

// Keywords ----------------------------------------------------------------------------------------

FALSE    : 'False';
NONE     : 'None';
TRUE     : 'True';
AND      : 'and';
AS       : 'as';
ASSERT   : 'assert';
ASYNC    : 'async';
AWAIT    : 'await';
BREAK    : 'break';
CLASS    : 'class';
CONTINUE : 'continue';
DEF      : 'def';
DEL      : 'del';
ELIF     : 'elif';
ELSE     : 'else';
EXCEPT   : 'except';
FINALLY  : 'finally';
FOR      : 'for';
FROM     : 'from';
GLOBAL   : 'global';
IF       : 'if';
IMPORT   : 'import';
IN       : 'in';
IS       : 'is';
LAMBDA   : 'lambda';
NONLOCAL : 'nonlocal';
NOT      : 'not';
OR       : 'or';
PASS     : 'pass';
RAISE    : 'raise';
RETURN   : 'return';
TRY      : 'try';
WHILE    : 'while';
WITH     : 'with';
YIELD    : 'yield';

/// NEWLINE: the end of a logical line; also matches the leading whitespace of the next line so
/// that the base class can measure its indentation. (The first line's indentation is measured
/// when its first token is emitted: a predicate here would defeat the lexer's DFA cache.)
NEWLINE: LINE_BREAK SPACES? {this.onNewLine();};

/// stringliteral ::= [stringprefix](shortstring | longstring)
STRING: STRING_PREFIX? (SHORT_STRING | LONG_STRING);

/// A string whose closing quote is missing before the end of the line (or of the file).
UNTERMINATED_STRING: STRING_PREFIX? ('\'' SQ_ITEM* | '"' DQ_ITEM*);

/// A triple-quoted string whose closing quotes are missing before the end of the file.
UNTERMINATED_LONG_STRING: STRING_PREFIX? ('\'\'\'' SQ3_ITEM* ('\'' '\''?)? | '"""' DQ3_ITEM* ('"' '"'?)?);

NUMBER: (DEC_INTEGER | HEX_INTEGER | OCT_INTEGER | BIN_INTEGER | FLOAT_NUMBER) {this.onNumber();};

IMAG_NUMBER: (FLOAT_NUMBER | DIGIT_PART) [jJ] {this.onNumber();};

NAME: ID_START ID_CONTINUE*;

// Operators and delimiters --------------------------------------------------------------------------

ELLIPSIS    : '...';
DOT         : '.';
STAR        : '*';
OPEN_PAREN  : '(' {this.openBracket();};
CLOSE_PAREN : ')' {this.closeBracket();};
COMMA       : ',';
COLON       : ':';
SEMI_COLON  : ';';
POWER       : '**';
ASSIGN      : '=';
OPEN_BRACK  : '[' {this.openBracket();};
CLOSE_BRACK : ']' {this.closeBracket();};
OR_OP       : '|';
XOR         : '^';
AND_OP      : '&';
LEFT_SHIFT  : '<<';
RIGHT_SHIFT : '>>';
ADD         : '+';
MINUS       : '-';
DIV         : '/';
MOD         : '%';
IDIV        : '//';
NOT_OP      : '~';
OPEN_BRACE  : '{' {this.openBracket();};
CLOSE_BRACE : '}' {this.closeBracket();};
LESS_THAN   : '<';
GREATER_THAN: '>';
EQUALS      : '==';
GT_EQ       : '>=';
LT_EQ       : '<=';
NOT_EQ      : '!=';
AT          : '@';
ARROW       : '->';
WALRUS      : ':=';
ADD_ASSIGN  : '+=';
SUB_ASSIGN  : '-=';
MULT_ASSIGN : '*=';
AT_ASSIGN   : '@=';
DIV_ASSIGN  : '/=';
MOD_ASSIGN  : '%=';
AND_ASSIGN  : '&=';
OR_ASSIGN   : '|=';
XOR_ASSIGN  : '^=';
LSHIFT_ASSIGN: '<<=';
RSHIFT_ASSIGN: '>>=';
POWER_ASSIGN: '**=';
IDIV_ASSIGN : '//=';

// Skipped input -----------------------------------------------------------------------------------

SKIP_: (SPACES | COMMENT | LINE_JOINING) -> skip;

/// A backslash that is not immediately followed by a line break.
STRAY_BACKSLASH: '\\';

/// Anything else: reported by the base class as CPython's tokenizer would.
ERROR_CHAR: .;

// Fragments ---------------------------------------------------------------------------------------

fragment STRING_PREFIX : [rRuUfFbB] | [rR] [fFbB] | [fFbB] [rR];
fragment SHORT_STRING  : '\'' SQ_ITEM* '\'' | '"' DQ_ITEM* '"';
fragment LONG_STRING   : '\'\'\'' LONG_ITEM*? '\'\'\'' | '"""' LONG_ITEM*? '"""';
fragment SQ_ITEM       : STRING_ESCAPE | ~[\\\r\n'];
fragment DQ_ITEM       : STRING_ESCAPE | ~[\\\r\n"];
fragment LONG_ITEM     : STRING_ESCAPE | ~'\\';
// Items of an unterminated triple-quoted string: never three quotes in a row.
fragment SQ3_ITEM      : STRING_ESCAPE | ~['\\] | '\'' (STRING_ESCAPE | ~['\\]) | '\'\'' (STRING_ESCAPE | ~['\\]);
fragment DQ3_ITEM      : STRING_ESCAPE | ~["\\] | '"' (STRING_ESCAPE | ~["\\]) | '""' (STRING_ESCAPE | ~["\\]);
fragment STRING_ESCAPE : '\\' ('\r\n' | .);

fragment DEC_INTEGER   : NON_ZERO_DIGIT ('_'? DIGIT)* | '0'+ ('_'? '0')*;
fragment HEX_INTEGER   : '0' [xX] ('_'? HEX_DIGIT)+;
fragment OCT_INTEGER   : '0' [oO] ('_'? OCT_DIGIT)+;
fragment BIN_INTEGER   : '0' [bB] ('_'? BIN_DIGIT)+;
fragment FLOAT_NUMBER  : POINT_FLOAT | EXPONENT_FLOAT;
fragment POINT_FLOAT   : DIGIT_PART? FRACTION | DIGIT_PART '.';
fragment EXPONENT_FLOAT: (DIGIT_PART | POINT_FLOAT) EXPONENT;
fragment DIGIT_PART    : DIGIT ('_'? DIGIT)*;
fragment FRACTION      : '.' DIGIT_PART;
fragment EXPONENT      : [eE] [+-]? DIGIT_PART;
fragment NON_ZERO_DIGIT: [1-9];
fragment DIGIT         : [0-9];
fragment OCT_DIGIT     : [0-7];
fragment HEX_DIGIT     : [0-9a-fA-F];
fragment BIN_DIGIT     : [01];

fragment SPACES        : [ \t\f]+;
fragment COMMENT       : '#' ~[\r\n]*;
fragment LINE_BREAK    : '\r'? '\n' | '\r';
fragment LINE_JOINING  : '\\' LINE_BREAK;

fragment ID_START      : [_\p{XID_Start}];
fragment ID_CONTINUE   : ID_START | [\p{XID_Continue}];

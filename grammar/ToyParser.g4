/*
 * Parser for Toy's Python 3.11 subset. Action-free: toy.parse.AstBuilder walks the tree.
 *
 * The rules follow the Python Language Reference / CPython's PEG grammar, reshaped for LL(*):
 * assignment targets are parsed as expressions and validated by the AST builder (as CPython's
 * invalid_* rules do), and alternatives that share a prefix are factored.
 */
parser grammar ToyParser;

// $antlr-format alignTrailingComments true, columnLimit 150, maxEmptyLinesToKeep 1, reflowComments false
// $antlr-format useTab false, allowShortRulesOnASingleLine false, alignSemicolons hanging, alignColons hanging

options {
    tokenVocab = ToyLexer;
}

/// file: [statements] ENDMARKER
fileInput
    : (NEWLINE | stmts += stmt)* EOF
    ;

/// eval: expressions NEWLINE* ENDMARKER
evalInput
    : body = starExprs NEWLINE* EOF
    ;

/// Used by the error analysis to test whether a token range is a header expression.
namedExprOnly
    : value = namedExpr EOF
    ;

exprOnly
    : value = test EOF
    ;

/// The longest expression (or expression list) at the start of a token range.
testPrefix
    : value = test
    ;

starExprsPrefix
    : value = starExprs
    ;

orTestPrefix
    : value = orTest
    ;

orTestOnly
    : value = orTest EOF
    ;

starExprsOnly
    : value = starExprs EOF
    ;

paramsOnly
    : value = paramList EOF
    ;

stmt
    : simpleStmts  # simpleStatement
    | compoundStmt # compoundStatement
    ;

simpleStmts
    : items += simpleStmt (SEMI_COLON items += simpleStmt)* SEMI_COLON? NEWLINE
    ;

simpleStmt
    : exprStmt                                                                   # expressionStmt
    | RETURN value = starExprs?                                                  # returnStmt
    | IMPORT names += dottedAsName (COMMA names += dottedAsName)*                # importStmt
    | FROM dots += (DOT | ELLIPSIS)* module = dottedName IMPORT names = importTargets  # fromImportStmt
    | FROM dots += (DOT | ELLIPSIS)+ IMPORT names = importTargets                # relativeImportStmt
    | RAISE (exc = test (FROM cause = test)?)?                                   # raiseStmt
    | PASS                                                                       # passStmt
    | DEL targets = exprList                                                     # delStmt
    | ASSERT test_ = test (COMMA msg = test)?                                    # assertStmt
    | BREAK                                                                      # breakStmt
    | CONTINUE                                                                   # continueStmt
    | GLOBAL names += NAME (COMMA names += NAME)*                                # globalStmt
    | NONLOCAL names += NAME (COMMA names += NAME)*                              # nonlocalStmt
    ;

/// assignment, annotated assignment, augmented assignment or a bare expression
exprStmt
    : head = starOrYield (
        COLON annotation = test (ASSIGN annValue = starOrYield)?
        | augOp = (
            ADD_ASSIGN
            | SUB_ASSIGN
            | MULT_ASSIGN
            | AT_ASSIGN
            | DIV_ASSIGN
            | MOD_ASSIGN
            | AND_ASSIGN
            | OR_ASSIGN
            | XOR_ASSIGN
            | LSHIFT_ASSIGN
            | RSHIFT_ASSIGN
            | POWER_ASSIGN
            | IDIV_ASSIGN
        ) augValue = starOrYield
        | (ASSIGN rest += starOrYield)*
    )
    ;

importTargets
    : STAR                                                                  # importStar
    | OPEN_PAREN names += importAsName (COMMA names += importAsName)* COMMA? CLOSE_PAREN # importParenthesized
    | names += importAsName (COMMA names += importAsName)*                   # importPlain
    ;

importAsName
    : name = NAME (AS asname = NAME)?
    ;

dottedAsName
    : name = dottedName (AS asname = NAME)?
    ;

dottedName
    : parts += NAME (DOT parts += NAME)*
    ;

compoundStmt
    : IF test_ = namedExpr COLON body = block elifs += elifClause* (ELSE COLON orelse = block)?           # ifStmt
    | WHILE test_ = namedExpr COLON body = block (ELSE COLON orelse = block)?                              # whileStmt
    | ASYNC? FOR target = exprList IN iter = starExprs COLON body = block (ELSE COLON orelse = block)?     # forStmt
    | TRY COLON body = block (
        handlers += exceptClause+ (ELSE COLON orelse = block)? (FINALLY COLON finalbody = block)?
        | FINALLY COLON finalbody = block
    )                                                                                                      # tryStmt
    | ASYNC? WITH (
        OPEN_PAREN items += withItem (COMMA items += withItem)* COMMA? CLOSE_PAREN
        | items += withItem (COMMA items += withItem)*
    ) COLON body = block                                                                                   # withStmt
    | decorators += decorator* ASYNC? DEF name = NAME OPEN_PAREN params = paramList? CLOSE_PAREN (
        ARROW returnAnn = test
    )? COLON body = block                                                                                  # funcDef
    | decorators += decorator* CLASS name = NAME (OPEN_PAREN args = argList? CLOSE_PAREN)? COLON body = block # classDef
    ;

elifClause
    : ELIF test_ = namedExpr COLON body = block
    ;

exceptClause
    : EXCEPT (type = test (AS name = NAME)?)? COLON body = block
    ;

withItem
    : context = test (AS target = expr)?
    ;

decorator
    : AT value = namedExpr NEWLINE
    ;

block
    : simpleStmts                       # inlineBlock
    | NEWLINE INDENT stmts += stmt+ DEDENT # indentedBlock
    ;

/// Parameters of a def (annotations allowed) or of a lambda (annotations not allowed);
/// ordering rules are checked by the AST builder.
paramList
    : items += param (COMMA items += param)* COMMA?
    ;

param
    : name = NAME (COLON annotation = test)? (ASSIGN default_ = test)? # plainParam
    | STAR (name = NAME (COLON annotation = test)?)?                   # starParam
    | POWER name = NAME (COLON annotation = test)?                     # doubleStarParam
    | DIV                                                              # slashParam
    ;

lambdaParamList
    : items += lambdaParam (COMMA items += lambdaParam)* COMMA?
    ;

lambdaParam
    : name = NAME (ASSIGN default_ = test)? # plainLambdaParam
    | STAR name = NAME?                     # starLambdaParam
    | POWER name = NAME                     # doubleStarLambdaParam
    | DIV                                   # slashLambdaParam
    ;

// Expressions -------------------------------------------------------------------------------------

starOrYield
    : yieldExpr # yieldValue
    | starExprs # starValue
    ;

yieldExpr
    : YIELD (FROM from = test | value = starExprs)?
    ;

/// star_expressions: one expression, or a tuple (with starred items)
starExprs
    : items += starExpr (COMMA items += starExpr)* trailing = COMMA?
    ;

starExpr
    : STAR value = expr # starredExpr
    | test              # plainExpr
    ;

/// star_named_expression, as in list, set and tuple displays
starNamedExpr
    : STAR value = expr # starredNamed
    | namedExpr         # plainNamed
    ;

/// named_expression: NAME ':=' expression | expression
namedExpr
    : target = NAME WALRUS value = test # walrus
    | test                              # notWalrus
    ;

/// expression: disjunction ['if' disjunction 'else' expression] | lambdef
test
    : body = orTest (IF cond = orTest ELSE orelse = test)? # condExpr
    | LAMBDA params = lambdaParamList? COLON body_ = test  # lambdaExpr
    ;

orTest
    : operands += andTest (OR operands += andTest)*
    ;

andTest
    : operands += notTest (AND operands += notTest)*
    ;

notTest
    : NOT operand = notTest # notExpr
    | comparison            # comparisonExpr
    ;

comparison
    : first = expr (ops += compOp rest += expr)*
    ;

compOp
    : LESS_THAN    # lt
    | GREATER_THAN # gt
    | EQUALS       # eq
    | GT_EQ        # gte
    | LT_EQ        # lte
    | NOT_EQ       # noteq
    | IN           # in
    | NOT IN       # notIn
    | IS           # is
    | IS NOT       # isNot
    ;

/// bitwise_or and everything that binds tighter, by precedence climbing
expr
    : AWAIT operand = primary                                                # awaitExpr
    | primary                                                                # primaryExpr
    | <assoc = right> left = expr op = POWER right = expr                    # powerExpr
    | op = (ADD | MINUS | NOT_OP) operand_ = expr                            # unaryExpr
    | left = expr op = (STAR | DIV | MOD | IDIV | AT) right = expr           # mulExpr
    | left = expr op = (ADD | MINUS) right = expr                            # addExpr
    | left = expr op = (LEFT_SHIFT | RIGHT_SHIFT) right = expr               # shiftExpr
    | left = expr op = AND_OP right = expr                                   # bitAndExpr
    | left = expr op = XOR right = expr                                      # bitXorExpr
    | left = expr op = OR_OP right = expr                                    # bitOrExpr
    ;

primary
    : value = primary DOT attr = NAME                              # attributeRef
    | func = primary OPEN_PAREN args = argList? CLOSE_PAREN         # call
    | value = primary OPEN_BRACK index = slices CLOSE_BRACK         # subscript
    | atom                                                         # atomPrimary
    ;

atom
    : NAME                                                        # nameAtom
    | NUMBER                                                      # numberAtom
    | IMAG_NUMBER                                                 # imagAtom
    | parts += STRING+                                            # stringAtom
    | NONE                                                        # noneAtom
    | TRUE                                                        # trueAtom
    | FALSE                                                       # falseAtom
    | ELLIPSIS                                                    # ellipsisAtom
    | OPEN_PAREN (yield_ = yieldExpr | body = parenBody)? CLOSE_PAREN # parenAtom
    | OPEN_BRACK body = listBody? CLOSE_BRACK                     # listAtom
    | OPEN_BRACE body = braceBody? CLOSE_BRACE                    # braceAtom
    ;

/// group, tuple or generator expression
parenBody
    : first = starNamedExpr (comp = compFor | (COMMA rest += starNamedExpr)* trailing = COMMA?)
    ;

/// list display or list comprehension
listBody
    : first = starNamedExpr (comp = compFor | (COMMA rest += starNamedExpr)* trailing = COMMA?)
    ;

braceBody
    : first = dictItem (comp = compFor | (COMMA rest += dictItem)* COMMA?)   # dictBody
    | first_ = starNamedExpr (comp = compFor | (COMMA rest_ += starNamedExpr)* COMMA?) # setBody
    ;

dictItem
    : key = test COLON value = test # keyValue
    | POWER mapping = expr          # dictUnpack
    ;

compFor
    : clauses += compClause+
    ;

compClause
    : ASYNC? FOR target = exprList IN iter = orTest (IF ifs += orTest)*
    ;

/// targets of for, comprehensions and del: expressions, starred items, a tuple
exprList
    : items += exprListItem (COMMA items += exprListItem)* trailing = COMMA?
    ;

exprListItem
    : STAR value = expr # starredTarget
    | expr              # plainTarget
    ;

slices
    : items += sliceItem (COMMA items += sliceItem)* trailing = COMMA?
    ;

sliceItem
    : lower = test? COLON upper = test? (COLON step = test?)? # sliceRange
    | STAR value = expr                                       # starredIndex
    | namedExpr                                               # plainIndex
    ;

argList
    : items += argument (COMMA items += argument)* COMMA?
    ;

argument
    : value = namedExpr comp = compFor?     # positionalArg
    | key = test ASSIGN value_ = test       # keywordArg
    | STAR value_ = test                    # starArg
    | POWER value_ = test                   # doubleStarArg
    ;

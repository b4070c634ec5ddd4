package toy.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.antlr.v4.runtime.Token;

import toy.ast.Arguments;
import toy.ast.Expr;
import toy.ast.Pos;
import toy.parse.gen.ToyParser.*;

/**
 * Parameter lists of {@code def} and {@code lambda}: the grammar accepts any sequence of
 * parameters; this class enforces Python's order with CPython's messages and builds
 * {@link Arguments}.
 */
final class Params {
    private enum Kind { PLAIN, STAR, DOUBLE_STAR, SLASH }

    /** One parameter as written: {@code token} is the name, or the '*', '**' or '/' symbol. */
    private record Param(Kind kind, Token token, Token name, Pos pos, Expr annotation, Expr dflt) {}

    private Params() {
    }

    static Arguments fromDef(ParamListContext ctx, ExprBuilder b) {
        List<Param> params = new ArrayList<>();
        for (ParamContext p : ctx.items) {
            if (p instanceof PlainParamContext pp) {
                params.add(new Param(Kind.PLAIN, pp.name, pp.name, b.pos(pp.name, pp.annotation == null ? pp.name : pp.annotation.getStop()),
                        pp.annotation == null ? null : b.test(pp.annotation), pp.default_ == null ? null : b.test(pp.default_)));
            } else if (p instanceof StarParamContext sp) {
                Pos pos = sp.name == null ? null : b.pos(sp.name, sp.annotation == null ? sp.name : sp.annotation.getStop());
                params.add(new Param(Kind.STAR, sp.getStart(), sp.name, pos, sp.annotation == null ? null : b.test(sp.annotation), null));
            } else if (p instanceof DoubleStarParamContext dp) {
                Pos pos = b.pos(dp.name, dp.annotation == null ? dp.name : dp.annotation.getStop());
                params.add(new Param(Kind.DOUBLE_STAR, dp.name, dp.name, pos, dp.annotation == null ? null : b.test(dp.annotation), null));
            } else {
                params.add(new Param(Kind.SLASH, p.getStart(), null, null, null, null));
            }
        }
        return build(params, ctx.items.size() > 0 && ctx.getStop().getType() == toy.parse.gen.ToyParser.COMMA, b);
    }

    static Arguments fromLambda(LambdaParamListContext ctx, ExprBuilder b) {
        List<Param> params = new ArrayList<>();
        for (LambdaParamContext p : ctx.items) {
            if (p instanceof PlainLambdaParamContext pp) {
                params.add(new Param(Kind.PLAIN, pp.name, pp.name, b.pos(pp.name), null, pp.default_ == null ? null : b.test(pp.default_)));
            } else if (p instanceof StarLambdaParamContext sp) {
                params.add(new Param(Kind.STAR, sp.getStart(), sp.name, sp.name == null ? null : b.pos(sp.name), null, null));
            } else if (p instanceof DoubleStarLambdaParamContext dp) {
                params.add(new Param(Kind.DOUBLE_STAR, dp.name, dp.name, b.pos(dp.name), null, null));
            } else {
                params.add(new Param(Kind.SLASH, p.getStart(), null, null, null, null));
            }
        }
        return build(params, false, b);
    }

    private static Arguments build(List<Param> params, boolean trailingComma, ExprBuilder b) {
        Errors errors = b.errors;
        List<Arguments.Arg> posonly = new ArrayList<>();
        List<Arguments.Arg> args = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        List<Arguments.Arg> kwonly = new ArrayList<>();
        List<Expr> kwDefaults = new ArrayList<>();
        Arguments.Arg vararg = null;
        Arguments.Arg kwarg = null;
        boolean seenSlash = false;
        boolean seenStar = false;
        boolean seenDefault = false;
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (kwarg != null) {
                throw errors.atToken("arguments cannot follow var-keyword argument", p.token());
            }
            switch (p.kind()) {
                case SLASH -> {
                    if (seenSlash) {
                        throw errors.atToken("/ may appear only once", p.token());
                    }
                    if (seenStar) {
                        throw errors.atToken("/ must be ahead of *", p.token());
                    }
                    if (args.isEmpty()) {
                        throw errors.atToken(i + 1 < params.size() || trailingComma ? "at least one argument must precede /" : "invalid syntax",
                                p.token());
                    }
                    seenSlash = true;
                    posonly.addAll(args);
                    args.clear();
                }
                case STAR -> {
                    if (seenStar) {
                        throw errors.atToken("* argument may appear only once", p.token());
                    }
                    seenStar = true;
                    if (p.name() == null) {
                        Param next = i + 1 < params.size() ? params.get(i + 1) : null;
                        if (next == null || next.kind() == Kind.DOUBLE_STAR) {
                            throw errors.atToken("named arguments must follow bare *", p.token());
                        }
                    } else {
                        vararg = new Arguments.Arg(p.pos(), p.name().getText(), p.annotation());
                    }
                }
                case DOUBLE_STAR -> kwarg = new Arguments.Arg(p.pos(), p.name().getText(), p.annotation());
                default -> {
                    Arguments.Arg arg = new Arguments.Arg(p.pos(), p.name().getText(), p.annotation());
                    if (seenStar) {
                        kwonly.add(arg);
                        kwDefaults.add(p.dflt());
                    } else {
                        if (p.dflt() != null) {
                            seenDefault = true;
                            defaults.add(p.dflt());
                        } else if (seenDefault) {
                            throw errors.atToken("non-default argument follows default argument", p.token());
                        }
                        args.add(arg);
                    }
                }
            }
        }
        return new Arguments(List.copyOf(posonly), List.copyOf(args), vararg, List.copyOf(kwonly),
                Collections.unmodifiableList(kwDefaults), kwarg, List.copyOf(defaults));
    }
}

package compat

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
)

// rangeKind is what a range statement ranges over, as far as the rewrite needs to know.
type rangeKind int

const (
	rangeOther    rangeKind = iota // slices, maps, strings, channels, or unknown: yaegi's own
	rangeInt                       // an integer (Go 1.22)
	rangeFunc0                     // func(yield func() bool) (Go 1.23)
	rangeFunc1                     // func(yield func(V) bool)
	rangeFunc2                     // func(yield func(K, V) bool)
	rangeArrayPtr                  // a pointer to an array (rangeptr.go)
)

// classify records the kind of every range statement of the original tree.
func (r *rewriter) classify(f *ast.File) {
	r.ranges = map[*ast.RangeStmt]rangeKind{}
	r.yielded = map[ast.Expr][]reflect.Type{}
	ast.Inspect(f, func(n ast.Node) bool {
		if rs, ok := n.(*ast.RangeStmt); ok {
			r.ranges[rs] = r.kindOf(rs.X)
		}
		return true
	})
}

// kindOf classifies a range expression by its type, or by its syntax when the cell alone
// does not give it a type.
func (r *rewriter) kindOf(x ast.Expr) rangeKind {
	if k, yielded, ok := r.nativeKind(x); ok { // first: the yielded types must be explicit
		r.yielded[x] = yielded
		return k
	}
	if tv, ok := r.info.Types[x]; ok && tv.Type != nil {
		switch u := tv.Type.Underlying().(type) {
		case *types.Basic:
			if u.Info()&types.IsInteger != 0 {
				return rangeInt
			}
		case *types.Pointer:
			if _, ok := u.Elem().Underlying().(*types.Array); ok {
				return rangeArrayPtr
			}
		case *types.Signature:
			if u.Params().Len() == 1 {
				if y, ok := u.Params().At(0).Type().Underlying().(*types.Signature); ok {
					return rangeFunc0 + rangeKind(y.Params().Len())
				}
			}
		}
		return rangeOther
	}
	if lit, ok := ast.Unparen(x).(*ast.BasicLit); ok && lit.Kind == token.INT {
		return rangeInt
	}
	return rangeOther
}

// rangeStmt returns the replacement of a range statement (with its label, if any), or nil
// to keep it. Loops over slices and maps only get per-iteration copies of their variables.
func (r *rewriter) rangeStmt(rs *ast.RangeStmt, label *ast.LabeledStmt) ast.Stmt {
	switch k := r.ranges[rs]; k {
	case rangeInt:
		return r.rangeInt(rs, label)
	case rangeFunc0, rangeFunc1, rangeFunc2:
		return r.rangeFunc(rs, label, int(k-rangeFunc0))
	case rangeArrayPtr:
		sliceArrayPtr(rs)
	}
	r.rangeLoopVars(rs)
	return nil
}

// rangeInt rewrites "for i := range n { body }" (Go 1.22) into
//
//	{ _ggNn := n; for _ggNi := _ggNn - _ggNn; _ggNi < _ggNn; _ggNi++ { i := _ggNi; body } }
//
// n is evaluated once, i has n's type, and each iteration has its own i, which the body
// may change without changing the count.
func (r *rewriter) rangeInt(rs *ast.RangeStmt, label *ast.LabeledStmt) ast.Stmt {
	r.next()
	pos := rs.For
	n, i := r.fresh(pos, "n"), r.fresh(pos, "i")
	loop := &ast.ForStmt{
		For:  pos,
		Init: define(pos, []ast.Expr{ident(i, pos)}, &ast.BinaryExpr{X: ident(n, pos), OpPos: pos, Op: token.SUB, Y: ident(n, pos)}),
		Cond: &ast.BinaryExpr{X: ident(i, pos), OpPos: pos, Op: token.LSS, Y: ident(n, pos)},
		Post: &ast.IncDecStmt{X: ident(i, pos), TokPos: pos, Tok: token.INC},
		Body: rs.Body,
	}
	if !isBlank(rs.Key) {
		bind(rs, []ast.Expr{rs.Key}, []ast.Expr{ident(i, pos)})
	}
	return block(pos, define(pos, []ast.Expr{n}, rs.X), labeled(label, loop))
}

// rangeFunc rewrites a range over an iterator function (Go 1.23) that yields arity values
// per iteration into a loop over gogradcompat.PullN(seq) (see there):
//
//	{ _ggNnext := gogradcompat.Pull2(seq)
//	  for _ggNp := _ggNnext(false); _ggNp != nil; _ggNp = _ggNnext(false) {
//	      k, v := _ggNp.Key, _ggNp.Val; body }
//	  _ggNnext(true) }
//
// break, continue, labels and return keep their meaning because the loop is a real loop;
// the iterator runs in turn with the body and finishes when the loop ends. When the body
// can return, a deferred next(true) also ends the iterator on the way out.
func (r *rewriter) rangeFunc(rs *ast.RangeStmt, label *ast.LabeledStmt, arity int) ast.Stmt {
	r.next()
	pos := rs.For
	next, p := r.fresh(pos, "next"), r.fresh(pos, "p")
	call := func(stop string) *ast.CallExpr {
		return &ast.CallExpr{Fun: ident(next, pos), Lparen: pos, Args: []ast.Expr{&ast.Ident{NamePos: pos, Name: stop}}, Rparen: pos}
	}
	var cond ast.Expr = &ast.BinaryExpr{X: ident(p, pos), OpPos: pos, Op: token.NEQ, Y: &ast.Ident{NamePos: pos, Name: "nil"}}
	if arity == 0 {
		cond = ident(p, pos) // Pull0's next returns a bool
	}
	loop := &ast.ForStmt{
		For:  pos,
		Init: define(pos, []ast.Expr{ident(p, pos)}, call("false")),
		Cond: cond,
		Post: &ast.AssignStmt{Lhs: []ast.Expr{ident(p, pos)}, TokPos: pos, Tok: token.ASSIGN, Rhs: []ast.Expr{call("false")}},
		Body: rs.Body,
	}
	var values []ast.Expr
	switch arity {
	case 1:
		values = []ast.Expr{&ast.StarExpr{Star: pos, X: ident(p, pos)}}
	case 2:
		values = []ast.Expr{
			&ast.SelectorExpr{X: ident(p, pos), Sel: &ast.Ident{NamePos: pos, Name: "Key"}},
			&ast.SelectorExpr{X: ident(p, pos), Sel: &ast.Ident{NamePos: pos, Name: "Val"}},
		}
	}
	var lhs, rhs []ast.Expr
	for j, user := range []ast.Expr{rs.Key, rs.Value}[:arity] {
		if !isBlank(user) {
			lhs, rhs = append(lhs, user), append(rhs, values[j])
		}
	}
	bind(rs, lhs, rhs)
	var fun ast.Expr = helper(pos, "Pull"+strconv.Itoa(arity))
	if targs := r.typeArgs(r.yielded[rs.X], pos); len(targs) > 0 && arity > 0 {
		fun = &ast.IndexListExpr{X: fun, Lbrack: pos, Indices: targs, Rbrack: pos}
	}
	pull := &ast.CallExpr{Fun: fun, Lparen: pos, Args: []ast.Expr{rs.X}, Rparen: pos}
	stmts := []ast.Stmt{define(pos, []ast.Expr{next}, pull)}
	if returns(rs.Body) {
		stmts = append(stmts, &ast.DeferStmt{Defer: pos, Call: call("true")})
	}
	stmts = append(stmts, labeled(label, loop), &ast.ExprStmt{X: call("true")})
	return block(pos, stmts...)
}

// bind puts "lhs := rhs" (or "=" for a range with "=") at the top of the loop body.
func bind(rs *ast.RangeStmt, lhs, rhs []ast.Expr) {
	if len(lhs) == 0 {
		return
	}
	tok := rs.Tok
	if tok != token.ASSIGN {
		tok = token.DEFINE
	}
	as := &ast.AssignStmt{Lhs: lhs, TokPos: rs.For, Tok: tok, Rhs: rhs}
	rs.Body.List = append([]ast.Stmt{as}, rs.Body.List...)
}

// define returns "lhs := rhs".
func define(pos token.Pos, lhs []ast.Expr, rhs ast.Expr) *ast.AssignStmt {
	return &ast.AssignStmt{Lhs: lhs, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{rhs}}
}

// block returns "{ stmts }".
func block(pos token.Pos, stmts ...ast.Stmt) *ast.BlockStmt {
	return &ast.BlockStmt{Lbrace: pos, List: stmts, Rbrace: pos}
}

// labeled puts the original label, if any, on the new loop.
func labeled(label *ast.LabeledStmt, loop ast.Stmt) ast.Stmt {
	if label == nil {
		return loop
	}
	return &ast.LabeledStmt{Label: label.Label, Colon: label.Colon, Stmt: loop}
}

// typeArgs writes native types as type expressions ("string", "netip.Addr"), or returns
// nil if one cannot be written.
func (r *rewriter) typeArgs(ts []reflect.Type, pos token.Pos) []ast.Expr {
	var out []ast.Expr
	for _, t := range ts {
		x, err := parser.ParseExpr(t.String())
		if err != nil || t.Name() != "" && t.PkgPath() != "" && !ast.IsExported(t.Name()) {
			return nil
		}
		setPos(x, pos)
		out = append(out, x)
	}
	return out
}

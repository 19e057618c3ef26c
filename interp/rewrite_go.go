package interp

import (
	"go/ast"
	"go/token"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"
)

// rewriteGo makes every go statement recover its goroutine's panic and report it, since a
// panic in a goroutine started by interpreted code would end the process. The function and
// its arguments are evaluated first, as the go statement does:
//
//	go f(x, y)  =>  { __gogoF := f; __gogoA0 := x; __gogoA1 := y
//	                  go func() { defer <hook>; __gogoF(__gogoA0, __gogoA1) }() }
//
// A function literal gets the hook as its first statement instead. Constant arguments stay
// in place, so that untyped constants keep their meaning.
func rewriteGo(_ *token.FileSet, f *ast.File) error {
	astutil.Apply(f, nil, func(c *astutil.Cursor) bool {
		if g, ok := c.Node().(*ast.GoStmt); ok {
			c.Replace(guardGo(g))
		}
		return true
	})
	return nil
}

// recoverHook is the deferred function that reports a goroutine's panic, given the position
// of the go statement, and the position register of the goroutine's function (rewriteAt
// declares one in it).
func recoverHook(pos token.Pos) string {
	return "func() { if r := recover(); r != nil { " + hiddenName + ".GoPanic(r, " + strconv.Itoa(int(pos)) + ", " + atVar + ") } }"
}

// guardGo returns the replacement of one go statement.
func guardGo(g *ast.GoStmt) ast.Stmt {
	pos := g.Go
	hook := &ast.DeferStmt{Defer: pos, Call: &ast.CallExpr{Fun: template(recoverHook(pos), pos), Lparen: pos, Rparen: pos}}
	if lit, ok := g.Call.Fun.(*ast.FuncLit); ok {
		lit.Body.List = append([]ast.Stmt{hook}, lit.Body.List...)
		return g
	}
	// One define per value: from one define of several values, one of them a composite
	// literal, yaegi's closure saw __gogoF nil (go worker([]int{1}, done) failed with "call
	// of nil function" and the cell hung on <-done).
	var defines []ast.Stmt
	define := func(name string, value ast.Expr) *ast.Ident {
		defines = append(defines, &ast.AssignStmt{Lhs: []ast.Expr{&ast.Ident{Name: name, NamePos: pos}}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{value}})
		return &ast.Ident{Name: name, NamePos: pos}
	}
	call := &ast.CallExpr{Fun: g.Call.Fun, Lparen: pos, Ellipsis: g.Call.Ellipsis, Rparen: pos}
	if id, ok := g.Call.Fun.(*ast.Ident); !ok || !isBuiltin(id.Name) {
		call.Fun = define("__gogoF", g.Call.Fun)
	}
	for i, a := range g.Call.Args {
		if isConstant(a) {
			call.Args = append(call.Args, a)
			continue
		}
		call.Args = append(call.Args, define("__gogoA"+strconv.Itoa(i), a))
	}
	body := &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{hook, &ast.ExprStmt{X: call}}, Rbrace: pos}
	lit := &ast.FuncLit{Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{Opening: pos, Closing: pos}}, Body: body}
	goStmt := &ast.GoStmt{Go: pos, Call: &ast.CallExpr{Fun: lit, Lparen: pos, Rparen: pos}}
	if len(defines) == 0 {
		return goStmt
	}
	return &ast.BlockStmt{Lbrace: pos, List: append(defines, goStmt), Rbrace: pos}
}

// isBuiltin tells whether name is a predeclared function, which cannot be a value.
func isBuiltin(name string) bool {
	switch name {
	case "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make",
		"max", "min", "new", "panic", "print", "println", "real", "recover":
		return true
	}
	return false
}

// isConstant tells whether x is certainly a constant expression: literals, true, false, nil
// and operators over them.
func isConstant(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		return x.Name == "true" || x.Name == "false" || x.Name == "nil"
	case *ast.ParenExpr:
		return isConstant(x.X)
	case *ast.UnaryExpr:
		return isConstant(x.X)
	case *ast.BinaryExpr:
		return isConstant(x.X) && isConstant(x.Y)
	}
	return false
}

package compat

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// yaegi v0.16.1 loses the variables that a multi-value define (v, ok := m[k];
// a, err := f()) declares in a nested block at the top level of a cell: the next use is
// "undefined: v". The statements of a statement cell are parsed as the body of func main,
// so in func main's nested blocks (not in function literals, which are real functions)
// such a define becomes typed declarations and an assignment:
//
//	v, ok := m[k]   =>   var v int; var ok bool; v, ok = m[k]
//
// In the init of an if, switch or for, the declarations go in a block around the statement.

// markNestedDefines records the multi-value defines of func main's nested blocks.
func markNestedDefines(f *ast.File) map[*ast.AssignStmt]bool {
	out := map[*ast.AssignStmt]bool{}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || fd.Name.Name != "main" || fd.Body == nil {
			continue
		}
		top := map[ast.Stmt]bool{}
		for _, s := range fd.Body.List {
			top[s] = true
		}
		comm := map[ast.Stmt]bool{} // select receives keep their form: a case cannot be split
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CommClause:
				comm[n.Comm] = true
			case *ast.AssignStmt:
				if n.Tok == token.DEFINE && len(n.Lhs) >= 2 && len(n.Rhs) == 1 && !top[n] && !comm[n] {
					out[n] = true
				}
			}
			return true
		})
	}
	return out
}

// splitDefine turns a marked define into declarations and an assignment (see above).
// It returns false, changing nothing, when a new variable's type cannot be written.
func (r *rewriter) splitDefine(c *astutil.Cursor, as *ast.AssignStmt) bool {
	var decls []ast.Stmt
	for _, l := range as.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			return false
		}
		obj, isNew := r.info.Defs[id]
		if !isNew || obj == nil || id.Name == "_" {
			continue // an existing variable, assigned as before
		}
		v, ok := obj.(*types.Var)
		if !ok {
			return false
		}
		te := r.typeExpr(v.Type(), id.Pos())
		if te == nil {
			return false
		}
		spec := &ast.ValueSpec{Names: []*ast.Ident{ident(id, id.Pos())}, Type: te}
		decls = append(decls, &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: id.Pos(), Tok: token.VAR, Specs: []ast.Spec{spec}}})
	}
	as.Tok = token.ASSIGN
	if c.Index() >= 0 {
		for _, d := range decls {
			c.InsertBefore(d)
		}
		return true
	}
	r.pending[c.Parent()] = append(r.pending[c.Parent()], decls...)
	return true
}

// withPending wraps a statement whose init had a multi-value define in a block with that
// define's declarations, or returns nil.
func (r *rewriter) withPending(s ast.Stmt) ast.Stmt {
	decls, ok := r.pending[s]
	if !ok {
		return nil
	}
	delete(r.pending, s)
	return block(s.Pos(), append(decls, s)...)
}

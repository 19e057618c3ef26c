package compat

import "go/ast"

// RenameMain renames the func main that a cell declares to name and reports whether it
// did. yaegi runs main again after every later evaluation once a main exists, where a
// script runs it once: the session should rename a declaration cell's main, evaluate the
// cell, then evaluate "name()" once. Call it only on declaration cells, not on the func
// main that wraps a statement cell.
func RenameMain(f *ast.File, name string) bool {
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" {
			fd.Name = &ast.Ident{NamePos: fd.Name.NamePos, Name: name}
			return true
		}
	}
	return false
}

package compat

import (
	"go/ast"
	"go/token"
)

// constGroups writes out the values of every line of a const group that has a line
// declaring several constants:
//
//	const (                                 const (
//		a, b = iota, iota * 10                  a, b = 0, 0 * 10
//		c, d                        =>          c, d = 1, 1 * 10
//		e = iota                                e = 2
//	)                                       )
//
// yaegi v0.16.1 counts iota per name instead of per line (c, d = iota, iota*10 gave 2, 20
// and e 4, a wrong answer), answers "constant definition loop" for a line that repeats
// several values, and with a type (a, b W = ...) recurses until the Go stack overflows,
// which ends the process. Groups of one name per line (the usual iota enum) are left alone.
func (r *rewriter) constGroups(f *ast.File) {
	ast.Inspect(f, func(n ast.Node) bool {
		d, ok := n.(*ast.GenDecl)
		if !ok || d.Tok != token.CONST || !severalPerLine(d) {
			return true
		}
		var last *ast.ValueSpec
		for i, spec := range d.Specs {
			vs, ok := spec.(*ast.ValueSpec)
			if !ok {
				continue
			}
			if vs.Values != nil {
				last = &ast.ValueSpec{Type: vs.Type, Values: vs.Values}
			} else if last == nil || len(last.Values) != len(vs.Names) {
				continue // go/types reports it
			} else {
				vs.Type = last.Type
			}
			values := vs.Values
			if values == nil {
				values = last.Values
			}
			out := make([]ast.Expr, len(values))
			for k, v := range values {
				out[k] = withIota(v, i)
				PlaceAt(out[k], vs.Names[0].Pos())
			}
			vs.Values = out
		}
		return true
	})
}

// severalPerLine tells whether a const group has a line declaring more than one constant.
func severalPerLine(d *ast.GenDecl) bool {
	for _, spec := range d.Specs {
		if vs, ok := spec.(*ast.ValueSpec); ok && len(vs.Names) > 1 {
			return true
		}
	}
	return false
}

package compat

import "go/ast"

// yaegi v0.16.1 breaks a range over a pointer to an array whose body indexes the pointer
// (measured with raw yaegi, in functions and at top level):
//
//	func zero(a *[4]int) {
//		for i := range a {
//			a[i] = 0 // panic: reflect: call of reflect.Value.Elem on array Value
//		}
//	}
//
// The loop then works on the array, not on the pointer. A slice of the whole array ranges
// the same elements without a copy (both read each element when its iteration starts, and
// the length is fixed), so such a range expression p becomes p[:]:
//
//	for i := range a[:] { a[i] = 0 }
//
// Caveat: Go ranges over a nil *[N]T with the index alone (N iterations); p[:] of a nil
// pointer panics.

// sliceArrayPtr rewrites the range expression p of rs, a pointer to an array, to p[:].
func sliceArrayPtr(rs *ast.RangeStmt) {
	end := rs.X.End()
	rs.X = &ast.SliceExpr{X: rs.X, Lbrack: end, Rbrack: end}
}

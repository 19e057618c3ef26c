package interp

import "go/ast"

// fieldKeys adds to fields the keys of lit that name struct fields. go/parser resolves a
// key of a composite literal like any identifier, so in
//
//	type Level int
//	type Reading struct{ Level Level }
//	func show() { r := Reading{Level: 2} }
//
// the key Level points to the type Level, and the probe's renamed copy renamed it
// (Reading{__probe1_Level: 2}: "unknown field Level in struct literal", for a correct
// cell). A key is a field name when it resolves to a type (a type is no map key value),
// or when the literal's type is a struct type declared in the cell.
func fieldKeys(lit *ast.CompositeLit, fields map[*ast.Ident]bool) {
	structLit := false
	if id, ok := lit.Type.(*ast.Ident); ok && id.Obj != nil {
		if ts, ok := id.Obj.Decl.(*ast.TypeSpec); ok {
			_, structLit = ts.Type.(*ast.StructType)
		}
	}
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); ok && (structLit || key.Obj != nil && key.Obj.Kind == ast.Typ) {
			fields[key] = true
		}
	}
}

package compat

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
)

// yaegi resolves a type parameter's name against the package-level types of the session
// first: once a cell declares `type T struct{...}` or `type E ...`, the interpreted
// generic functions written with T or E as type parameters (min, max, slices.Sort,
// slices.Max, ...) fail to compile ("runtime error: index out of range [0] with length
// 0", "undefined type for T"). Load gives every type parameter of the interpreted
// packages a name no cell uses.

// typeParamPrefix starts the names Load gives type parameters (E becomes _ggtpE).
const typeParamPrefix = "_ggtp"

// hideTypeParams returns the Go source src with its type parameters renamed (see above).
func hideTypeParams(name, src string) (string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return "", err
	}
	renamed := map[*ast.Object]bool{}
	declare := func(fields *ast.FieldList) {
		if fields == nil {
			return
		}
		for _, field := range fields.List {
			for _, id := range field.Names {
				if id.Obj != nil {
					renamed[id.Obj] = true
				}
			}
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl: // the packages declare no methods on generic types
			declare(n.Type.TypeParams)
		case *ast.TypeSpec:
			declare(n.TypeParams)
		}
		return true
	})
	ast.Inspect(f, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Obj != nil && renamed[id.Obj] {
			id.Name = typeParamPrefix + id.Name
		}
		return true
	})
	var b bytes.Buffer
	if err := printer.Fprint(&b, fset, f); err != nil {
		return "", err
	}
	return b.String(), nil
}

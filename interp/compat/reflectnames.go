package compat

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"
)

// yaegi builds the reflect types of cell types itself: they are unnamed (%T prints
// "struct { X int }") and their unexported fields are exported with an "X" prefix, so
// encoding/json marshals them. These rewrites fix what the cell's static types allow.

// hideUnexported adds `json:"-"` to the unexported fields of struct types declared in
// the cell, so json.Marshal leaves them out as Go does (yaegi exports them as X<name>).
func hideUnexported(st *ast.StructType) {
	for _, f := range st.Fields.List {
		if len(f.Names) == 0 || ast.IsExported(f.Names[0].Name) {
			continue
		}
		tag := ""
		if f.Tag != nil {
			if s, err := strconv.Unquote(f.Tag.Value); err == nil {
				tag = s
			}
		}
		if _, ok := reflect.StructTag(tag).Lookup("json"); ok {
			continue
		}
		tag = strings.TrimSpace(tag + ` json:"-"`)
		pos := f.Type.End()
		if f.Tag != nil {
			pos = f.Tag.ValuePos
		}
		f.Tag = &ast.BasicLit{ValuePos: pos, Kind: token.STRING, Value: "`" + tag + "`"}
	}
}

// printfFuncs are the fmt functions whose format verbs typeVerbs rewrites, with the
// index of their format argument.
var printfFuncs = map[string]int{"Printf": 0, "Sprintf": 0, "Errorf": 0, "Fprintf": 1, "Appendf": 1}

// typeVerbs rewrites the %T verbs of a fmt printf call whose argument has a static,
// non-interface type involving cell types: the verb becomes %s and the argument the
// type's name as Go prints it ("main.Point", "[]*main.Point").
func (r *rewriter) typeVerbs(call *ast.CallExpr) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok {
		return
	}
	pn, ok := r.info.Uses[pkg].(*types.PkgName)
	fi, known := printfFuncs[sel.Sel.Name]
	if !ok || pn.Imported().Path() != "fmt" || !known || len(call.Args) <= fi || call.Ellipsis.IsValid() {
		return
	}
	lit, ok := call.Args[fi].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return
	}
	format, err := strconv.Unquote(lit.Value)
	if err != nil {
		return
	}
	verbs, ok := scanVerbs(format)
	if !ok {
		return
	}
	b := []byte(format)
	changed := false
	for k, v := range verbs {
		ai := fi + 1 + k
		if v.verb != 'T' || ai >= len(call.Args) {
			continue
		}
		t := r.typeOf(call.Args[ai])
		if t == nil || types.IsInterface(t) || !mentionsCell(t) {
			continue
		}
		name := types.TypeString(t, func(p *types.Package) string { return p.Name() })
		b[v.at] = 's'
		call.Args[ai] = &ast.BasicLit{ValuePos: call.Args[ai].Pos(), Kind: token.STRING, Value: strconv.Quote(name)}
		changed = true
	}
	if changed {
		call.Args[fi] = &ast.BasicLit{ValuePos: lit.ValuePos, Kind: token.STRING, Value: strconv.Quote(string(b))}
	}
}

// verb is one formatting verb of a format string: its letter and byte offset.
type verb struct {
	verb byte
	at   int
}

// scanVerbs lists the verbs of a format string in argument order; ok is false for
// formats it does not follow (explicit argument indexes, * widths).
func scanVerbs(format string) (verbs []verb, ok bool) {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i >= len(format) || format[i] == '[' || format[i] == '*' {
			return nil, false
		}
		if format[i] != '%' {
			verbs = append(verbs, verb{verb: format[i], at: i})
		}
	}
	return verbs, true
}

// mentionsCell tells whether t is or contains a named type declared in the cell.
func mentionsCell(t types.Type) bool {
	switch t := t.(type) {
	case *types.Named:
		return t.Obj().Pkg() != nil && t.Obj().Pkg().Path() == "main"
	case *types.Pointer:
		return mentionsCell(t.Elem())
	case *types.Slice:
		return mentionsCell(t.Elem())
	case *types.Array:
		return mentionsCell(t.Elem())
	case *types.Map:
		return mentionsCell(t.Key()) || mentionsCell(t.Elem())
	case *types.Chan:
		return mentionsCell(t.Elem())
	}
	return false
}

// checkErrorsAs reports errors.As with a target of a cell type, which panics in yaegi
// ("errors: *target must be interface or implement error").
func (r *rewriter) checkErrorsAs(call *ast.CallExpr) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "As" || len(call.Args) != 2 {
		return
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok {
		return
	}
	if pn, ok := r.info.Uses[pkg].(*types.PkgName); !ok || pn.Imported().Path() != "errors" {
		return
	}
	p, ok := r.typeOf(call.Args[1]).(*types.Pointer)
	if !ok || !mentionsCell(p.Elem()) {
		return
	}
	name := types.TypeString(p.Elem(), r.qualifier)
	r.errorf(call.Pos(), "errors.As with a target of the cell type %s is not supported by the interpreter; "+
		"use a type switch or a type assertion instead, with pointer receivers: if e, ok := err.(*T); ok {...}", name)
}

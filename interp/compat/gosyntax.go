package compat

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"
)

// %#v prints a value in Go syntax, with its type's name: main.P{X:1, Y:2}. yaegi's reflect
// type of a cell struct is unnamed, and carries the identity tag (reflectnames.go), so fmt
// printed struct { X int "gograd:\"main.P\""; Y int ... }{X:1, Y:2}. A %#v argument of a
// cell struct type, a pointer to one, a slice or array of them, or an interface that may
// hold one is written out field by field in interpreted code, as fmt would:
//
//	fmt.Printf("%#v", p)  =>  fmt.Printf("%s", func(_ggg0 P) string { return "main.P{" +
//	                              "X:" + fmt.Sprintf("%#v", _ggg0.X) + ", " + ... + "}" }(p))
//
// Maps of such values, and cell types with a GoString method, are left to fmt.

// goSyntax returns the text %#v prints for e, built as above, or nil when fmt prints it
// right. fmtPkg is the name the cell gives package fmt.
func (r *rewriter) goSyntax(e ast.Expr, fmtPkg string) ast.Expr {
	return r.rebuild(e, func(src string, t types.Type) (string, bool) { return r.goSyntaxSource(src, t, fmtPkg, 0) })
}

// goSyntaxSource returns the source of the %#v text of the expression src of type t at
// depth (0 for a print argument, deeper for fields and elements), and whether t needs it.
func (r *rewriter) goSyntaxSource(src string, t types.Type, fmtPkg string, depth int) (string, bool) {
	if depth > 4 {
		return "", false
	}
	d := strconv.Itoa(depth)
	goName := goTypeName(t)
	name := types.TypeString(t, r.qualifier)
	if types.IsInterface(t) {
		return r.goSyntaxDynamic(src, t, fmtPkg, depth)
	}
	switch u := t.(type) {
	case *types.Named:
		st, ok := u.Underlying().(*types.Struct)
		if !ok || !mentionsCell(u) || u.TypeParams().Len() > 0 || hasGoString(u) {
			return "", false
		}
		v := "_ggg" + d
		var parts []string
		for i := range st.NumFields() {
			f := st.Field(i)
			if f.Name() == "_" {
				return "", false
			}
			field := v + "." + f.Name()
			text, ok := r.goSyntaxSource(field, f.Type(), fmtPkg, depth+1)
			if !ok {
				text = fmtPkg + `.Sprintf("%#v", ` + field + ")"
			}
			parts = append(parts, strconv.Quote(f.Name()+":")+" + "+text)
		}
		body := strconv.Quote(goName + "{}")
		if len(parts) > 0 {
			body = strconv.Quote(goName+"{") + " + " + strings.Join(parts, ` + ", " + `) + ` + "}"`
		}
		return "func(" + v + " " + name + ") string { return " + body + " }(" + src + ")", true
	case *types.Pointer:
		if _, ok := u.Elem().(*types.Named); !ok || hasGoString(u) {
			return "", false
		}
		v := "_ggg" + d
		inner, ok := r.goSyntaxSource("*"+v, u.Elem(), fmtPkg, depth)
		if !ok {
			return "", false
		}
		text := `"&" + ` + inner
		if depth > 0 { // fmt prints a nested pointer as its address
			text = strconv.Quote("("+goName+")(") + " + " + fmtPkg + `.Sprintf("%p", ` + v + `) + ")"`
		}
		return "func(" + v + " " + name + ") string { if " + v + " == nil { return " + strconv.Quote("("+goName+")(nil)") + " }; return " + text + " }(" + src + ")", true
	case *types.Slice, *types.Array:
		var elem types.Type
		nilCase := ""
		if s, ok := u.(*types.Slice); ok {
			elem = s.Elem()
			nilCase = "if _ggs" + d + " == nil { return " + strconv.Quote(goName+"(nil)") + " }; "
		} else {
			elem = u.(*types.Array).Elem()
		}
		inner, ok := r.goSyntaxSource("_gge"+d, elem, fmtPkg, depth+1)
		if !ok {
			return "", false
		}
		return "func(_ggs" + d + " " + name + ") string { " + nilCase + "_ggt" + d + " := " + strconv.Quote(goName+"{") +
			"; for _ggi" + d + ", _gge" + d + " := range _ggs" + d + " { if _ggi" + d + " > 0 { _ggt" + d + ` += ", " }; _ggt` + d + " += " + inner +
			" }; return _ggt" + d + ` + "}" }(` + src + ")", true
	}
	return "", false
}

// goSyntaxDynamic returns the source of the %#v text of an interface value that may hold a
// cell struct, trying each (distinctCellTypes), and whether it is needed: with a cell
// struct to try, or inside a value, where a nil interface prints as error(nil) (as an
// argument, fmt prints <nil>).
func (r *rewriter) goSyntaxDynamic(src string, iface types.Type, fmtPkg string, depth int) (string, bool) {
	it, _ := iface.Underlying().(*types.Interface)
	if it == nil {
		return "", false
	}
	d := strconv.Itoa(depth)
	x := "_ggx" + d
	var sb strings.Builder
	n := 0
	for _, t := range r.distinctCellTypes() {
		if !types.Implements(t, it) {
			continue
		}
		text, ok := r.goSyntaxSource("_ggv"+d, t, fmtPkg, depth)
		if !ok {
			continue
		}
		sb.WriteString("if _ggv" + d + ", _ggok := " + x + ".(" + types.TypeString(t, r.qualifier) + "); _ggok { return " + text + " }; ")
		n++
	}
	if n == 0 && depth == 0 {
		return "", false
	}
	nilText := strconv.Quote("<nil>")
	if depth > 0 {
		ifaceName := goTypeName(iface)
		if ifaceName == "any" {
			ifaceName = "interface {}"
		}
		nilText = strconv.Quote(ifaceName + "(nil)")
	}
	return "func(" + x + " any) string { if " + x + " == nil { return " + nilText + " }; " + sb.String() +
		"return " + fmtPkg + `.Sprintf("%#v", ` + x + ") }(" + src + ")", true
}

// hasGoString tells whether fmt would call a GoString method of t for %#v.
func hasGoString(t types.Type) bool {
	sel := types.NewMethodSet(t).Lookup(nil, "GoString")
	return sel != nil
}

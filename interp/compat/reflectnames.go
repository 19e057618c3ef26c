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

// typeVerbs rewrites the %T verbs of a fmt printf call whose argument has a static type
// involving cell types, or an interface type that may hold one: the verb becomes %s and
// the argument the type's name as Go prints it ("main.Point", "[]*main.Point"), found at
// run time for an interface (dynamicTypeName).
func (r *rewriter) typeVerbs(call *ast.CallExpr) {
	pc, ok := r.parsePrintCall(call)
	if !ok || pc.fi < 0 || pc.path != "fmt" {
		return
	}
	b := []byte(pc.format)
	for k, v := range pc.verbs {
		ai := pc.fi + 1 + k
		if v.verb != 'T' || ai >= len(call.Args) {
			continue
		}
		t := r.typeOf(call.Args[ai])
		if t == nil {
			continue
		}
		if types.IsInterface(t) {
			x := r.dynamicTypeName(call.Args[ai], pc.pkg.Name+`.Sprintf("%T", _ggx)`, `"<nil>"`, false)
			if x == nil {
				continue
			}
			call.Args[ai] = x
		} else if mentionsCell(t) {
			call.Args[ai] = &ast.BasicLit{ValuePos: call.Args[ai].Pos(), Kind: token.STRING, Value: strconv.Quote(goTypeName(t))}
		} else {
			continue
		}
		b[v.at] = 's'
	}
	pc.setFormat(string(b))
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
	if r.packageCall(call, "errors", "As", 2) == nil {
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

// IdentityTag is the struct tag key that typeIdentity puts on the first named field of every
// struct type declared at a cell's top level.
const IdentityTag = "gograd"

// typeIdentity tags the first named field of a package-level struct type declared in the cell
// with its name (`gograd:"main.P"`). yaegi stores a cell struct held in an interface as a
// bare reflect struct, so two cell types with the same fields, or a cell type and the
// anonymous struct of its fields, would be one type to a type assertion or a type switch:
// `var x any = A{1}; _, ok := x.(B)` answered true. The tag makes their reflect types
// distinct; it shows only to code that reads struct tags by reflection.
func (r *rewriter) typeIdentity(spec *ast.TypeSpec) {
	if obj := r.info.Defs[spec.Name]; obj == nil || obj.Pkg() == nil || obj.Parent() != obj.Pkg().Scope() {
		return
	}
	tagIdentity(spec)
}

// AddTags puts on a package-level type declaration the struct tags that Rewrite adds
// (json:"-" on unexported fields, the identity tag), so that a session can tell whether a
// declaration it is given again is the one it rewrote before.
func AddTags(spec *ast.TypeSpec) {
	ast.Inspect(spec.Type, func(n ast.Node) bool {
		if st, ok := n.(*ast.StructType); ok {
			hideUnexported(st)
		}
		return true
	})
	tagIdentity(spec)
}

// tagIdentity puts the identity tag on a package-level type declaration (see typeIdentity).
func tagIdentity(spec *ast.TypeSpec) {
	st, ok := spec.Type.(*ast.StructType)
	if !ok || spec.TypeParams != nil || st.Fields == nil || spec.Assign.IsValid() {
		return
	}
	f := identityField(st)
	if f == nil {
		return
	}
	tag := ""
	if f.Tag != nil {
		s, err := strconv.Unquote(f.Tag.Value)
		if err != nil {
			return
		}
		tag = s
	}
	if _, ok := reflect.StructTag(tag).Lookup(IdentityTag); ok {
		return
	}
	tag = strings.TrimSpace(tag + " " + IdentityTag + `:"main.` + spec.Name.Name + `"`)
	pos := f.Type.End()
	if f.Tag != nil {
		pos = f.Tag.ValuePos
	}
	lit := strconv.Quote(tag)
	if strconv.CanBackquote(tag) {
		lit = "`" + tag + "`"
	}
	f.Tag = &ast.BasicLit{ValuePos: pos, Kind: token.STRING, Value: lit}
}

// identityField returns the field of st that typeIdentity tags: the first that is not
// embedded (yaegi cannot build a struct with a tagged embedded interface), or nil.
func identityField(st *ast.StructType) *ast.Field {
	for _, f := range st.Fields.List {
		if len(f.Names) > 0 {
			return f
		}
	}
	return nil
}

// dynamicTypeName returns the expression naming the dynamic type of the interface value x
// as Go does ("main.P", "*main.P", or "P" and "" with nameOnly, as reflect.Type.Name),
// trying the cell types that a type assertion tells apart (distinctCellTypes); other
// values are named by fallback, an expression of the value _ggx, and a nil interface by
// onNil. It returns nil when the session has no such cell type.
func (r *rewriter) dynamicTypeName(x ast.Expr, fallback, onNil string, nameOnly bool) ast.Expr {
	cands := r.distinctCellTypes()
	if len(cands) == 0 {
		return nil
	}
	var sb strings.Builder
	sb.WriteString("func(_ggx any) string { if _ggx == nil { return " + onNil + " }; ") // yaegi panics asserting nil
	for _, t := range cands {
		name := goTypeName(t)
		if nameOnly {
			name = ""
			if n, ok := t.(*types.Named); ok {
				name = n.Obj().Name()
			}
		}
		sb.WriteString("if _, _ggok := _ggx.(" + types.TypeString(t, r.qualifier) + "); _ggok { return " + strconv.Quote(name) + " }; ")
	}
	sb.WriteString("return " + fallback + " }(_ggARG)")
	f := r.fragment(sb.String(), x.Pos())
	if f == nil {
		return nil
	}
	return substitute(f, "_ggARG", x)
}

// reflectName returns the replacement of reflect.TypeOf(x).Name() or .String() when x
// has a cell type, or an interface type that may hold one (yaegi's reflect types of cell
// types are unnamed), or nil.
func (r *rewriter) reflectName(call *ast.CallExpr) ast.Expr {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || len(call.Args) != 0 || (sel.Sel.Name != "Name" && sel.Sel.Name != "String") {
		return nil
	}
	inner, ok := sel.X.(*ast.CallExpr)
	if !ok || len(inner.Args) != 1 || inner.Ellipsis.IsValid() {
		return nil
	}
	pkg := r.packageCall(inner, "reflect", "TypeOf", 1)
	if pkg == nil {
		return nil
	}
	nameOnly := sel.Sel.Name == "Name"
	arg := inner.Args[0]
	t := r.typeOf(arg)
	switch {
	case t == nil:
		return nil
	case types.IsInterface(t):
		call := pkg.Name + ".TypeOf(_ggx)." + sel.Sel.Name + "()"
		return r.dynamicTypeName(arg, call, pkg.Name+".TypeOf(nil)."+sel.Sel.Name+"()", nameOnly) // nil: panics as in Go
	case !mentionsCell(t):
		return nil
	}
	name := goTypeName(t)
	if nameOnly {
		name = ""
		if n, ok := t.(*types.Named); ok {
			name = n.Obj().Name()
		}
	}
	// x is still evaluated, for its effects, as reflect.TypeOf(x) would
	f := r.fragment("func(any) string { return "+strconv.Quote(name)+" }(_ggARG)", call.Pos())
	if f == nil {
		return nil
	}
	return substitute(f, "_ggARG", arg)
}

// goTypeName returns t's name as Go's reflect and fmt print it: packages by name, and no
// space between type arguments (main.Cache[string,int], where go/types writes ", ").
func goTypeName(t types.Type) string {
	switch t := t.(type) {
	case *types.Named:
		name := t.Obj().Name()
		if p := t.Obj().Pkg(); p != nil {
			name = p.Name() + "." + name
		}
		if args := t.TypeArgs(); args.Len() > 0 {
			var names []string
			for i := range args.Len() {
				names = append(names, goTypeName(args.At(i)))
			}
			name += "[" + strings.Join(names, ",") + "]"
		}
		return name
	case *types.Pointer:
		return "*" + goTypeName(t.Elem())
	case *types.Slice:
		return "[]" + goTypeName(t.Elem())
	case *types.Array:
		return "[" + strconv.FormatInt(t.Len(), 10) + "]" + goTypeName(t.Elem())
	case *types.Map:
		return "map[" + goTypeName(t.Key()) + "]" + goTypeName(t.Elem())
	}
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

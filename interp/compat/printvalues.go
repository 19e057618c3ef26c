package compat

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"
)

// yaegi's fmt hook applies a cell type's String or Error method only to arguments whose
// static type is that cell type. Anywhere else the method is lost: fmt.Println(a) with
// `var a any = P{1, 2}` prints {1 2}, a []any holding a P prints yaegi's internal
// pointers, a map[string]*Value prints bare pointers. The arguments of fmt's and log's
// print functions that may hold such values (under %v, %s, %q, %x, %X) are rebuilt in
// interpreted code, where yaegi still knows the dynamic types, into values fmt formats as
// Go would:
//
//   - an interface value: each cell type with a String or Error method that may be in it
//     is tried in turn, and a match is replaced by gogradcompat.Text(v.String());
//   - a slice or array: a []any of the elements, each rebuilt;
//   - a map: a map[any]any of the same keys with the values rebuilt (fmt sorts the keys
//     the same way as long as they have one type);
//   - a value or a method's result of a cell type with the method: its text (yaegi's hook
//     misses call results);
//   - a cell struct with such exported fields: field by field (structFields).
//
// The print calls and their verbs are in printcalls.go; a cell's shown result uses the
// same rebuild (display.go).
//
// Tried types must be told apart at run time: yaegi stores a cell struct in an any as a
// bare reflect struct, and two cell structs with the same fields would be one type to a
// type assertion. typeIdentity (reflectnames.go) gives every cell struct type a distinct
// reflect type. Non-struct cell types (type Celsius float64) and empty structs cannot be
// told from their underlying types and are not tried (FEATURES.md).

// printable returns e rebuilt for printing with spec (a verb with its flags: "%-8v"), or e
// itself when fmt prints it right as it is.
func (r *rewriter) printable(e ast.Expr, spec string) ast.Expr {
	b := &printBuilder{r: r, spec: spec}
	if x := r.rebuild(e, func(src string, t types.Type) (string, bool) { return b.convert(src, t, 0, true) }); x != nil {
		return x
	}
	return e
}

// printBuilder writes the Go source of a rebuilt value.
//
// A cell struct is rebuilt when one of its exported fields must be (fmt calls the methods
// of exported fields only): its fields are formatted as elements of a []any, which fmt
// formats at the same depth and with the same verb and flags as fields, and the brackets
// become braces (gogradcompat.Fields). A pointer to such a struct is rebuilt as a print
// argument ("&{...}"); deeper, fmt prints a pointer as an address.
type printBuilder struct {
	r    *rewriter
	spec string // the verb and flags the value is printed with: a struct's fields take them
}

// convert returns the source of an expression printing like Go would print the value of
// the expression src of type t, and whether a rebuild is needed at all. top is true for
// a print call's own argument.
func (b *printBuilder) convert(src string, t types.Type, depth int, top bool) (string, bool) {
	if depth > 3 { // deep nesting: leave it as yaegi prints it
		return "", false
	}
	if types.IsInterface(t) {
		return b.dynamic(src, t, depth)
	}
	if m := stringMethod(t); m != "" && mentionsCell(t) {
		// also as a print argument: yaegi's hook misses call results (fmt.Println(a.Add(b))
		// printed &{3}) and values reached otherwise
		return b.text(src, t, m)
	}
	d := strconv.Itoa(depth)
	if src, ok := b.structFields(src, t, depth, top); ok {
		return src, true
	}
	switch u := t.Underlying().(type) {
	case *types.Slice, *types.Array:
		var elem types.Type
		if s, ok := u.(*types.Slice); ok {
			elem = s.Elem()
		} else {
			elem = u.(*types.Array).Elem()
		}
		if isByte(elem) {
			return "", false
		}
		inner, ok := b.convert("_gge"+d, elem, depth+1, false)
		if !ok {
			return "", false
		}
		return "func() []any { var _ggo" + d + " []any; for _, _gge" + d + " := range " + src +
			" { _ggo" + d + " = append(_ggo" + d + ", " + inner + ") }; return _ggo" + d + " }()", true
	case *types.Map:
		inner, ok := b.convert("_ggv"+d, u.Elem(), depth+1, false)
		if !ok {
			return "", false
		}
		return "func() map[any]any { _ggo" + d + " := map[any]any{}; for _ggk" + d + ", _ggv" + d + " := range " + src +
			" { _ggo" + d + "[_ggk" + d + "] = " + inner + " }; return _ggo" + d + " }()", true
	}
	return "", false
}

// dynamic returns the source trying each cell type with a String or Error method that
// an interface of type iface may hold.
func (b *printBuilder) dynamic(src string, iface types.Type, depth int) (string, bool) {
	it, _ := iface.Underlying().(*types.Interface)
	// an error or a fmt.Stringer already carries the method; a cell interface with one
	// (Shape embedding fmt.Stringer) does not reach fmt with it
	if it == nil || stringMethod(iface) != "" && !mentionsCell(iface) {
		return "", false
	}
	d := strconv.Itoa(depth)
	var sb strings.Builder
	n := 0
	for _, t := range b.r.distinctCellTypes() {
		m := stringMethod(t)
		if m == "" || !types.Implements(t, it) {
			continue
		}
		name := types.TypeString(t, b.r.qualifier)
		v := "_ggv" + d
		sb.WriteString("if " + v + ", _ggok := _ggx" + d + ".(" + name + "); _ggok { ")
		if _, ptr := t.(*types.Pointer); ptr {
			sb.WriteString("if " + v + " == nil { return nil }; ")
		}
		sb.WriteString("return " + HelperPackage + ".Text(" + v + "." + m + "()) }; ")
		n++
	}
	if n == 0 {
		return "", false
	}
	// yaegi panics asserting a nil interface, where Go answers false
	return "func(_ggx" + d + " any) any { if _ggx" + d + " == nil { return nil }; " + sb.String() + "return _ggx" + d + " }(" + src + ")", true
}

// text returns the source of the text a value of static type t prints as through its
// method m, nil (printed "<nil>", as fmt does) for a nil pointer.
func (b *printBuilder) text(src string, t types.Type, m string) (string, bool) {
	call := HelperPackage + ".Text(_ggp." + m + "())"
	name := types.TypeString(t, b.r.qualifier)
	if _, ptr := t.(*types.Pointer); ptr {
		return "func(_ggp " + name + ") any { if _ggp == nil { return nil }; return " + call + " }(" + src + ")", true
	}
	return "func(_ggp " + name + ") any { return " + call + " }(" + src + ")", true
}

// stringMethod returns "Error" or "String" if fmt would call that method on a value of
// type t (Error first, as fmt does), or "".
func stringMethod(t types.Type) string {
	ms := types.NewMethodSet(t)
	for _, m := range []string{"Error", "String"} {
		sel := ms.Lookup(nil, m)
		if sel == nil {
			continue
		}
		sig, ok := sel.Type().(*types.Signature)
		if ok && sig.Params().Len() == 0 && sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), types.Typ[types.String]) {
			return m
		}
	}
	return ""
}

// isByte tells whether t is byte: fmt prints []byte its own way, and cells rarely hide
// cell types in one.
func isByte(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// distinctCellTypes returns the package-level struct types declared in cells (and
// pointers to them) that a type assertion tells apart at run time: non-generic, with a
// field that is not embedded, which typeIdentity tagged. Computed once per cell.
func (r *rewriter) distinctCellTypes() []types.Type {
	if r.cellTypes != nil {
		return r.cellTypes
	}
	out := []types.Type{}
	for id, obj := range r.info.Defs {
		tn, ok := obj.(*types.TypeName)
		if !ok || tn.Pkg() == nil || tn.Parent() != tn.Pkg().Scope() || id.Name == "_" || tn.IsAlias() {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || n.TypeParams().Len() > 0 {
			continue
		}
		if st, ok := n.Underlying().(*types.Struct); !ok || !hasNamedField(st) {
			continue
		}
		out = append(out, n, types.NewPointer(n))
	}
	sortTypes(out)
	r.cellTypes = out
	return out
}

// hasNamedField tells whether st has a field that is not embedded (see identityField).
func hasNamedField(st *types.Struct) bool {
	for i := range st.NumFields() {
		if !st.Field(i).Embedded() {
			return true
		}
	}
	return false
}

// structFields returns the source of the text of a cell struct (or, as a print argument, a
// pointer to one) that has an exported field to rebuild, and whether it has one.
func (b *printBuilder) structFields(src string, t types.Type, depth int, top bool) (string, bool) {
	ptr := false
	if p, ok := t.(*types.Pointer); ok && top {
		t, ptr = p.Elem(), true
	}
	named, ok := t.(*types.Named)
	if !ok || strings.ContainsAny(b.spec, "+#") || named.TypeParams().Len() > 0 || !mentionsCell(named) || stringMethod(named) != "" || (ptr && stringMethod(types.NewPointer(named)) != "") {
		return "", false
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return "", false
	}
	v := "_ggs" + strconv.Itoa(depth)
	var fields []string
	needed := false
	for i := range st.NumFields() {
		f := st.Field(i)
		if f.Name() == "_" {
			return "", false
		}
		field := v + "." + f.Name()
		if f.Exported() {
			if inner, ok := b.convert(field, f.Type(), depth+1, false); ok {
				field, needed = inner, true
			}
		}
		fields = append(fields, field)
	}
	if !needed {
		return "", false
	}
	text := HelperPackage + ".Fields(" + strconv.Quote(b.spec) + ", []any{" + strings.Join(fields, ", ") + "})"
	name := types.TypeString(named, b.r.qualifier)
	if ptr {
		return "func(" + v + " *" + name + ") any { if " + v + " == nil { return nil }; return " + HelperPackage + `.Text("&" + ` + text + ") }(" + src + ")", true
	}
	return "func(" + v + " " + name + ") any { return " + HelperPackage + ".Text(" + text + ") }(" + src + ")", true
}

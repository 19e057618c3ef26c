package compat

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
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
//     the same way as long as they have one type).
//
// Tried types must be told apart at run time: yaegi stores a cell struct in an any as a
// bare reflect struct, and two cell structs with the same fields would be one type to a
// type assertion. typeIdentity (below) gives every cell struct type a distinct reflect
// type. Non-struct cell types (type Celsius float64) and empty structs cannot be told
// from their underlying types and are not tried: they still print without their methods
// when held in an interface (FEATURES.md).

// printCalls lists, per package path, the print functions whose arguments are formatted
// with %v, with the index of their first such argument.
var printCalls = map[string]map[string]int{
	"fmt": {"Print": 0, "Println": 0, "Sprint": 0, "Sprintln": 0, "Fprint": 1, "Fprintln": 1, "Append": 1, "Appendln": 1},
	"log": {"Print": 0, "Println": 0, "Fatal": 0, "Fatalln": 0, "Panic": 0, "Panicln": 0},
}

// printfCalls lists, per package path, the printf functions with the index of their
// format argument.
var printfCalls = map[string]map[string]int{
	"fmt": printfFuncs,
	"log": {"Printf": 0, "Fatalf": 0, "Panicf": 0},
}

// methodVerbs are the verbs for which fmt calls a String or Error method.
const methodVerbs = "vsqxX"

// printValues rewrites the arguments of a print call that may hold cell values with a
// String or Error method (see above).
func (r *rewriter) printValues(call *ast.CallExpr) {
	pc, ok := r.parsePrintCall(call)
	if !ok {
		return
	}
	if pc.fi < 0 {
		for i := pc.first; i < len(call.Args); i++ {
			call.Args[i] = r.printable(call.Args[i], "%v")
		}
		return
	}
	format := pc.format
	newFormat := format
	for k, v := range pc.verbs {
		ai := pc.fi + 1 + k
		if ai >= len(call.Args) {
			continue
		}
		if v.verb == 'w' {
			call.Args[ai] = r.wrapped(call.Args[ai])
		}
		if v.verb == 'v' && pc.path == "fmt" && format[v.at-1] == '#' && format[v.at-2] == '%' {
			if x := r.goSyntax(call.Args[ai], pc.pkg.Name); x != nil {
				// the text as it is: %#v becomes %-s (no width: the flag does nothing),
				// keeping the offsets of the later verbs
				call.Args[ai] = x
				newFormat = newFormat[:v.at-1] + "-s" + newFormat[v.at+1:]
				continue
			}
		}
		if v.verb == 'v' && pc.path == "fmt" && format[v.at-1] == '+' && format[v.at-2] == '%' {
			if x := r.plusV(call.Args[ai], pc.pkg.Name); x != nil {
				call.Args[ai] = x
				continue
			}
		}
		if strings.IndexByte(methodVerbs, v.verb) < 0 || sharpFlag(format, v.at) {
			continue
		}
		call.Args[ai] = r.printable(call.Args[ai], format[strings.LastIndexByte(format[:v.at], '%'):v.at+1])
	}
	pc.setFormat(newFormat)
}

// printCall is a call of one of the print functions of fmt or log that the print
// rewrites know (printCalls, printfCalls).
type printCall struct {
	call   *ast.CallExpr
	pkg    *ast.Ident // the package as the cell names it
	path   string     // its import path: "fmt" or "log"
	first  int        // a Print-like function: its first argument printed with %v
	fi     int        // a printf-like function: the index of its format, or -1
	format string     // the format, a string literal in the cell
	verbs  []verb     // the verbs of format, in argument order
}

// parsePrintCall tells whether call is a print call the rewrites know, and describes it.
// A printf-like call counts only with a format written as a string literal whose verbs
// scanVerbs follows, and no spread argument.
func (r *rewriter) parsePrintCall(call *ast.CallExpr) (printCall, bool) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || call.Ellipsis.IsValid() {
		return printCall{}, false
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok {
		return printCall{}, false
	}
	pn, ok := r.info.Uses[pkg].(*types.PkgName)
	if !ok {
		return printCall{}, false
	}
	pc := printCall{call: call, pkg: pkg, path: pn.Imported().Path(), fi: -1}
	if first, ok := printCalls[pc.path][sel.Sel.Name]; ok {
		pc.first = first
		return pc, true
	}
	fi, ok := printfCalls[pc.path][sel.Sel.Name]
	if !ok || len(call.Args) <= fi {
		return printCall{}, false
	}
	lit, ok := call.Args[fi].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return printCall{}, false
	}
	format, err := strconv.Unquote(lit.Value)
	if err != nil {
		return printCall{}, false
	}
	if pc.verbs, ok = scanVerbs(format); !ok {
		return printCall{}, false
	}
	pc.fi, pc.format = fi, format
	return pc, true
}

// setFormat puts format in place of the call's format, at the same position, if it
// differs. Later rewrites parse the call again.
func (pc printCall) setFormat(format string) {
	if format == pc.format {
		return
	}
	lit := pc.call.Args[pc.fi].(*ast.BasicLit)
	pc.call.Args[pc.fi] = &ast.BasicLit{ValuePos: lit.ValuePos, Kind: token.STRING, Value: strconv.Quote(format)}
}

// sharpFlag tells whether the verb at offset at of format has the # flag (%#v prints Go
// syntax, not the String method).
func sharpFlag(format string, at int) bool {
	i := strings.LastIndexByte(format[:at], '%')
	return i >= 0 && strings.IndexByte(format[i:at], '#') >= 0
}

// printable returns e rebuilt for printing with spec (a verb with its flags: "%-8v"), or e
// itself when fmt prints it right as it is.
func (r *rewriter) printable(e ast.Expr, spec string) ast.Expr {
	b := &printBuilder{r: r, spec: spec}
	if x := r.rebuild(e, func(src string, t types.Type) (string, bool) { return b.convert(src, t, 0, true) }); x != nil {
		return x
	}
	return e
}

// rebuild returns the expression that build writes for e, given the name that stands for
// e in its source and e's type, with e in place of that name; nil when build has nothing to
// write (or e has no known type). e is evaluated once, where the source names it.
func (r *rewriter) rebuild(e ast.Expr, build func(src string, t types.Type) (string, bool)) ast.Expr {
	t := r.typeOf(e)
	if t == nil {
		return nil
	}
	src, ok := build("_ggARG", t)
	if !ok {
		return nil
	}
	x := r.fragment(src, e.Pos())
	if x == nil {
		return nil
	}
	return substitute(x, "_ggARG", e)
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

// fragment parses the expression src, placed at pos, with its type names pointing at the
// cell's declarations (resolve.go); nil if src does not parse.
func (r *rewriter) fragment(src string, pos token.Pos) ast.Expr {
	x, err := parser.ParseExpr(src)
	if err != nil {
		return nil
	}
	placeAt(x, pos)
	resolve(x, r.scope)
	return x
}

// substitute replaces the identifier name in x by e.
func substitute(x ast.Expr, name string, e ast.Expr) ast.Expr {
	out := astutil.Apply(x, nil, func(c *astutil.Cursor) bool {
		if id, ok := c.Node().(*ast.Ident); ok && id.Name == name {
			c.Replace(e)
		}
		return true
	})
	return out.(ast.Expr)
}

// placeAt moves every position in x to pos, so that a parsed fragment reports errors at
// the place it replaces.
func placeAt(x ast.Node, pos token.Pos) {
	posType := reflect.TypeFor[token.Pos]()
	ast.Inspect(x, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		v := reflect.ValueOf(n)
		if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
			return true
		}
		v = v.Elem()
		for i := range v.NumField() {
			if f := v.Field(i); f.Type() == posType && f.CanSet() && f.Int() != 0 {
				f.SetInt(int64(pos))
			}
		}
		return true
	})
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

// wrapped returns the argument of a %w verb converted to error when it has a cell type:
// yaegi would pass the bare value, which fmt.Errorf prints as %!w(...) and does not wrap.
// The conversion goes through a function parameter, as toIface does.
func (r *rewriter) wrapped(e ast.Expr) ast.Expr {
	x := r.rebuild(e, func(src string, t types.Type) (string, bool) {
		if types.IsInterface(t) || !mentionsCell(t) || stringMethod(t) != "Error" {
			return "", false
		}
		return "func(_ggx error) error { return _ggx }(" + src + ")", true
	})
	if x == nil {
		return e
	}
	return x
}

// plusV returns the text %+v prints for e, a cell struct or a pointer to one, built field by
// field with fmtPkg.Sprintf, or nil when fmt prints it right. yaegi exports unexported
// fields of cell structs as X<name>, and %+v shows those names ({Xdata:1}).
func (r *rewriter) plusV(e ast.Expr, fmtPkg string) ast.Expr {
	return r.rebuild(e, func(src string, t types.Type) (string, bool) { return r.plusVSource(src, t, fmtPkg, 0) })
}

// plusVSource returns the source of plusV's text for the expression src of type t, and
// whether t needs it (a struct declared in a cell with an unexported field, here or in a
// nested struct field).
func (r *rewriter) plusVSource(src string, t types.Type, fmtPkg string, depth int) (string, bool) {
	if depth > 3 || !mentionsCell(t) || stringMethod(t) != "" {
		return "", false
	}
	ptr := false
	if p, ok := t.(*types.Pointer); ok && depth == 0 { // fmt prints nested pointers as addresses
		t, ptr = p.Elem(), true
	}
	named, ok := t.(*types.Named)
	if !ok || named.TypeParams().Len() > 0 || !mentionsCell(named) {
		return "", false
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return "", false
	}
	d := strconv.Itoa(depth)
	v := "_ggp" + d
	var parts []string
	needed := false
	for i := range st.NumFields() {
		f := st.Field(i)
		if f.Name() == "_" {
			return "", false
		}
		if !f.Exported() {
			needed = true
		}
		field := v + "." + f.Name()
		if inner, ok := r.plusVSource(field, f.Type(), fmtPkg, depth+1); ok {
			needed = true
			parts = append(parts, strconv.Quote(f.Name()+":")+" + "+inner)
			continue
		}
		if f.Exported() { // fmt calls the String methods of exported fields only
			if conv, ok := (&printBuilder{r: r, spec: "%+v"}).convert(field, f.Type(), depth+1, false); ok {
				needed, field = true, conv
			}
		}
		parts = append(parts, strconv.Quote(f.Name()+":")+" + "+fmtPkg+`.Sprintf("%+v", `+field+")")
	}
	if !needed {
		return "", false
	}
	body := `"{" + ` + strings.Join(parts, ` + " " + `) + ` + "}"`
	if len(parts) == 0 {
		body = `"{}"`
	}
	name := types.TypeString(t, r.qualifier)
	if ptr {
		return "func(" + v + " *" + name + `) string { if ` + v + ` == nil { return "<nil>" }; return "&" + ` + body + " }(" + src + ")", true
	}
	return "func(" + v + " " + name + ") string { return " + body + " }(" + src + ")", true
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

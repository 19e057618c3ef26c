package compat

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// The print calls the rewrites of printvalues.go, plainverbs.go, reflectnames.go and
// gosyntax.go look into: which functions of fmt and log print which arguments with which
// verbs, and the verb-specific rewrites (%w, %+v).

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
